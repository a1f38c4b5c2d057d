import FoundationEssentials

/// The one file read this module does: config.json (the module is otherwise pure).
enum BundleFile {
    struct ReadError: Error {
        var reason: String
    }

    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReadError(reason: "no such file or directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(reason: "permission denied or not a regular file")
        }
        return Array(data)
    }
}
