import OCISpec
import Testing
@testable import RuntimeCore

/// state.json is written by hand (ContainerRecordJSON) and read by Decodable: the hand-written bytes must be
/// exactly what the Encodable conformance writes, for a minimal record and for one with every optional field.
@Suite struct ContainerRecordJSONTests {
    static var records: [ContainerRecord] {
        let minimal = sampleRecord(id: "minimal")
        var full = sampleRecord(id: "full \"quoted\" ü", status: .created, pid: 4_194_304)
        full.pidStartTime = UInt64.max
        full.creatorPid = Int32.max
        full.annotations = ["org.example/key": "value\nwith newline", "b": ""]
        full.extensions = ["hooks": "{\"poststop\":[]}"]
        full.cgroupPaths = ["": "/sys/fs/cgroup/full", "memory": "/sys/fs/cgroup/memory/full"]
        full.cgroupCreatedDirectories = ["/sys/fs/cgroup/full", "/sys/fs/cgroup/memory/full"]
        var empty = sampleRecord(id: "empty", status: .paused, pid: -1)
        empty.annotations = [:]
        empty.cgroupCreatedDirectories = []
        return [minimal, full, empty]
    }

    @Test(arguments: records)
    func handWrittenBytesAreTheEncodersBytes(_ record: ContainerRecord) throws {
        let expected = try SpecJSON.encoded(record, pretty: false)
        #expect(String(decoding: record.jsonBytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: records)
    func theBytesDecodeToTheSameRecord(_ record: ContainerRecord) throws {
        #expect(try JSONValueDecoder.decode(ContainerRecord.self, from: record.jsonBytes) == record)
    }
}
