import Glibc
import LinuxSys
import Testing

@testable import RuntimeCore

/// The only test that reconfigures the process-wide logger; it restores stderr/text at the end.
@Test func logFileIsAppendedOneLinePerMessageAndDebugNeedsTheFlag() throws {
    let temp = TemporaryDirectory()
    defer { temp.remove() }
    let path = temp.path + "/swiftlet.log"
    try FileContents.write(path, "earlier line\n", flags: O_WRONLY | O_CREAT)
    try Log.configure(path: path, format: .json, debug: false)
    #expect(Log.writesToFile)
    Log.error("first")
    Log.debug("hidden")
    Log.warning("second")
    try Log.configure(path: nil, format: .text, debug: false)
    #expect(!Log.writesToFile)
    let lines = try FileContents.readString(path).split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.first == "earlier line")
    #expect(lines.dropFirst().first?.hasPrefix("{\"level\":\"error\",\"msg\":\"first\",\"time\":\"") == true)
    #expect(lines.last?.hasPrefix("{\"level\":\"warning\",\"msg\":\"second\"") == true)
}
