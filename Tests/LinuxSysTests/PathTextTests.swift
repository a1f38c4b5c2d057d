import Testing
@testable import LinuxSys

/// PathText: the concrete replacements for generic joins on path components.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("/dev/net/tun", "/dev/net", "tun"), ("/x", "/", "x"), ("dev//pts/", "/dev", "pts"), ("/", "/", ""), ("", "/", ""),
        ("/a/./b", "/a/.", "b"),
    ])
    func parentAndName(_ path: String, _ parent: String, _ name: String) {
        let split = PathText.parentAndName(path)
        #expect(split.parent == parent)
        #expect(split.name == name)
    }

    @Test func absoluteAndJoined() {
        #expect(PathText.absolute([]) == "/")
        #expect(PathText.absolute(["a", "b c"]) == "/a/b c")
        #expect(PathText.joined([Substring](), separator: "/") == "")
        #expect(PathText.joined(["a", "b", "c"] as [Substring], separator: "/") == "a/b/c")
        #expect(PathText.joined(["mode=755", "size=65536k"] as [String], separator: ",") == "mode=755,size=65536k")
        #expect(PathText.joined(["only"] as [String], separator: ",") == "only")
    }
}
