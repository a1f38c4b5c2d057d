import Glibc
import OCISpec
import Testing

/// Helpers of the CVE regression tests: mounts added to the fixture's config, host-side probe directories that
/// must stay untouched, and one-shot file checks.
enum CVESupport {
    /// Appends a tmpfs mount at `destination` to the fixture's config.
    static func addTmpfs(_ fixture: ContainerFixture, at destination: String) {
        var mounts = fixture.config["mounts"]?.arrayValue ?? []
        mounts.append(.members(["destination": .string(destination), "type": .string("tmpfs"), "source": .string("tmpfs"),
                                "options": .strings(["nosuid", "nodev", "mode=755"])]))
        fixture.config.set("mounts", to: .array(mounts))
    }

    /// A directory of the host, outside the rootfs, that a container escaping its root would write into.
    static func makeHostProbe(_ fixture: ContainerFixture, _ name: String) -> String {
        let path = fixture.directory + "/" + name
        mkdir(path, 0o755)
        return path
    }

    /// What is in a host probe directory, plus every host mount on it (both must stay empty).
    static func disturbances(of probe: String) -> [String] {
        HostLeftovers.directoryEntries(probe).map { "entry \(probe)/\($0)" }
            + HostLeftovers.mounts(mentioning: probe).map { "mount: \($0)" }
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }
}
