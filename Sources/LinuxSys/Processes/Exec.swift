import Glibc

public enum Exec {
    /// execve(2): replaces the process image. Builds NULL-terminated C arrays; returns only by throwing.
    public static func execve(path: String, args: [String], env: [String]) throws(SystemError) -> Never {
        let argv = CStringArray(args)
        let envp = CStringArray(env)
        _ = Glibc.execve(path, argv.pointers, envp.pointers)
        let errno = Errno.current
        argv.deallocate()
        envp.deallocate()
        throw SystemError(op: "exec", path: path, errno: errno)
    }
}

/// A NULL-terminated char*[] with strdup'd strings; freed explicitly (exec usually never returns).
struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    func deallocate() {
        var index = 0
        while let string = pointers[index] {
            free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
