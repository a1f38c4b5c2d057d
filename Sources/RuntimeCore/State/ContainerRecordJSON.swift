import OCISpec

/// state.json's bytes without Codable. Encoding through Encodable instantiates the encoder's generic containers
/// and witness tables at run time, on every create (creating.json and state.json); this builds the same JSON
/// value directly, so the bytes are those of `SpecJSON.encoded(record)` (ContainerRecordJSONTests checks it).
/// Reading still goes through Decodable: `state`, `list` and `delete` are not on create's path.
extension ContainerRecord {
    var jsonBytes: [UInt8] { JSONWriter.write(json, pretty: false) }

    var json: JSONValue {
        var members: [JSONMember] = [
            member("ociVersion", .string(ociVersion)), member("id", .string(id)), member("bundle", .string(bundle)),
            member("rootfs", .string(rootfs)), member("pid", number(pid)), member("pidStartTime", number(pidStartTime)),
            member("status", .string(status.rawValue)), member("created", .string(created)), member("owner", .string(owner)),
            member("creatorPid", number(creatorPid)), member("creatorStartTime", number(creatorStartTime)),
            member("extensions", stringMap(extensions)),
        ]
        // Synthesized Encodable leaves a nil optional out rather than writing null.
        if let annotations { members.append(member("annotations", stringMap(annotations))) }
        if let cgroupPaths { members.append(member("cgroupPaths", stringMap(cgroupPaths))) }
        if let cgroupCreatedDirectories {
            members.append(member("cgroupCreatedDirectories", .array(cgroupCreatedDirectories.map { .string($0) })))
        }
        return .object(JSONObject(members: members))
    }

    private func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    private func number(_ value: Int32) -> JSONValue { .number(JSONNumber(literal: String(value))) }

    private func number(_ value: UInt64) -> JSONValue { .number(JSONNumber(literal: String(value))) }

    private func stringMap(_ map: [String: String]) -> JSONValue {
        .object(JSONObject(members: map.map { JSONMember(key: $0.key, value: .string($0.value)) }))
    }
}
