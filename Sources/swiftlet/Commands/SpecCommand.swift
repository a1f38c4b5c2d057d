import Glibc
import LinuxSys
import OCISpec
import RuntimeCore

/// `spec [--bundle d] [--rootless]`: writes a starter config.json (runc's default) into the bundle,
/// refusing to replace an existing one.
enum SpecCommand: Command {
    static let spec = CommandSpec(
        name: "spec", usage: "create a new specification file", argsUsage: "",
        description: """
            The spec command creates the new specification file named "config.json" for
            the bundle.
            """,
        flags: [
            FlagSpec(["bundle", "b"], .string, "path to the root of the bundle directory"),
            FlagSpec(["rootless"], .bool, "generate a configuration for a rootless container"),
        ],
        arity: .exactly(0))

    static func run(_ context: CommandContext) throws -> Int32 {
        let bundle = context.flags.string("bundle").flatMap { $0.isEmpty ? nil : $0 } ?? "."
        let config = Spec.runcDefault(
            rootless: context.flags.bool("rootless"), hostUID: geteuid(), hostGID: getegid())
        let path = bundle + "/config.json"
        let file: FileDescriptor
        do {
            // O_EXCL: never replace a config someone wrote, even one appearing while we run.
            file = try FileDescriptor.open(path, O_WRONLY | O_CREAT | O_EXCL, mode: 0o666)
        } catch where error.errno == .EEXIST {
            throw RuntimeError.invalidArgument("File config.json exists. Remove it first")
        } catch {
            throw RuntimeError.system(stage: "spec", error)
        }
        do { try file.writeAll(SpecJSON.encode(config, pretty: true) + Array("\n".utf8)) } catch {
            throw RuntimeError.system(stage: "spec", SystemError(op: "write", path: path, errno: error.errno))
        }
        return 0
    }
}
