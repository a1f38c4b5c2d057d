import FoundationEssentials
import Testing
@testable import OCISpec

/// The decoder recognises `[String: V]` maps by identity (`StringKeyedTypes`, no conformance scan); these tests keep
/// that list in step with the model and show that each listed map reports every bad member, with its key.
@Suite struct StringKeyedTypesTests {
    /// Every `[String: V]` written in Sources/OCISpec/Model and Sources/RuntimeCore/State (the types decoded with
    /// JSONValueDecoder) is in the list.
    @Test func listCoversEveryMapTypeOfTheModel() throws {
        let sources = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        var written = Set<String>()
        for directory in ["Sources/OCISpec/Model", "Sources/RuntimeCore/State"] {
            let path = "/" + sources + "/" + directory
            for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
                written.formUnion(mapValueTypes(in: text))
            }
        }
        #expect(written.contains("String"), "the scan found no map at all: \(written)")
        let listed = Set(StringKeyedTypes.all.map { valueTypeName(of: "\($0)") })
        #expect(written.subtracting(listed).isEmpty, "maps missing from StringKeyedTypes.all: \(written.subtracting(listed))")
    }

    @Test func everyListedMapReportsEachBadMember() {
        let (_, problems) = diagnose(config(
            linux: #"""
            {"namespaces": [{"type": "network"}], "timeOffsets": {"monotonic": {"secs": "x"}, "boottime": {"nanosecs": true}},
             "resources": {"rdma": {"mlx4_0": {"hcaHandles": "3"}, "mlx4_1": {"hcaObjects": -1}}},
             "netDevices": {"eth0": {"name": 5}, "eth1": {"name": []}}}
            """#))
        let paths = Set(problems.map(\.path))
        for expected in ["linux.timeOffsets.monotonic.secs", "linux.timeOffsets.boottime.nanosecs",
                         "linux.resources.rdma.mlx4_0.hcaHandles", "linux.resources.rdma.mlx4_1.hcaObjects",
                         "linux.netDevices.eth0.name", "linux.netDevices.eth1.name"] {
            #expect(paths.contains(expected), "\(expected) not in \(paths)")
        }
    }

    /// `[String: V]` → V, for the value types named in Swift source text.
    private func mapValueTypes(in text: String) -> [String] {
        text.split(separator: "[String:").dropFirst().compactMap { rest in
            let name = rest.drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber }
            return name.isEmpty ? nil : String(name)
        }
    }

    /// "Dictionary<String, LinuxRdma>" → "LinuxRdma".
    private func valueTypeName(of typeName: String) -> String {
        String(typeName.split(separator: ",").last?.dropLast().drop { $0 == " " } ?? "")
    }
}
