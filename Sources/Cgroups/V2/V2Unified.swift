import LinuxSys
import OCISpec

/// linux.resources.unified: cgroup v2 file → value, written as given (after the typed values, so it can override them).
enum V2Unified {
    static func apply(_ values: [String: String], to directory: CgroupDirectory) throws(CgroupError) {
        for (file, value) in values.sorted(by: { $0.key < $1.key }) {
            let key = "linux.resources.unified.\(file)"
            // A name, never a path: "../x" would write outside the container's cgroup.
            guard !file.isEmpty, !file.contains("/"), file != ".", file != ".." else {
                throw .unsupported(key, "invalid cgroup file name")
            }
            do {
                try directory.write(file, value, key: key)
            } catch {
                guard error.errno == .ENOENT || error.errno == .EACCES else { throw error }
                let controller = file.split(separator: ".").first.map(String.init) ?? file
                var detailed = error
                detailed.reason = "no such cgroup file (is the \(controller) controller enabled?)"
                throw detailed
            }
        }
    }
}
