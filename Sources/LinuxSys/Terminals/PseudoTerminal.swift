import CLinuxShim
import Glibc

/// A pty pair: the master stays with the runtime (or goes to the console socket), the slave becomes the container's
/// stdio and controlling terminal.
public enum PseudoTerminal {
    /// posix_openpt + grantpt + unlockpt: a new master (O_RDWR | O_NOCTTY | O_CLOEXEC) and its slave's path.
    public static func openMaster() throws(SystemError) -> PseudoTerminalMaster {
        let master = FileDescriptor(adopting: try syscallOnce("posix_openpt") { cls_posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC) })
        _ = try syscallOnce("grantpt") { cls_grantpt(master.rawValue) }
        _ = try syscallOnce("unlockpt") { cls_unlockpt(master.rawValue) }
        let path = try slavePath(master: master.rawValue)
        return PseudoTerminalMaster(master: master, slavePath: path)
    }

    /// Opens the slave side (O_RDWR | O_NOCTTY | O_CLOEXEC: it becomes controlling only via TIOCSCTTY).
    public static func openSlave(_ path: String) throws(SystemError) -> FileDescriptor {
        try FileDescriptor.open(path, O_RDWR | O_NOCTTY)
    }

    /// ptsname_r: "/dev/pts/N" of a master.
    public static func slavePath(master: Int32) throws(SystemError) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let rc = cls_ptsname_r(master, &buffer, buffer.count)
        if rc != 0 { throw SystemError(op: "ptsname", errno: Errno(rc)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// TIOCSCTTY: makes the terminal on `fd` our controlling terminal (after setsid).
    public static func makeControllingTerminal(_ fd: Int32) throws(SystemError) {
        _ = try syscallOnce("ioctl TIOCSCTTY") { cls_ioctl_int(fd, UInt(TIOCSCTTY), 0) }
    }
}

/// A pty master and the path of its slave. @frozen so callers can take the fd out.
@frozen public struct PseudoTerminalMaster: ~Copyable {
    public var master: FileDescriptor
    public let slavePath: String
}

/// Terminal window size (struct winsize).
public struct WindowSize: Equatable, Sendable {
    public var rows: UInt16
    public var columns: UInt16

    public init(rows: UInt16, columns: UInt16) {
        self.rows = rows
        self.columns = columns
    }

    public static func read(_ fd: Int32) throws(SystemError) -> WindowSize {
        var size = winsize()
        _ = try syscallOnce("ioctl TIOCGWINSZ") { cls_ioctl_ptr(fd, UInt(TIOCGWINSZ), &size) }
        return WindowSize(rows: size.ws_row, columns: size.ws_col)
    }

    public func apply(to fd: Int32) throws(SystemError) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = try syscallOnce("ioctl TIOCSWINSZ") { cls_ioctl_ptr(fd, UInt(TIOCSWINSZ), &size) }
    }
}

/// Saved terminal attributes; raw mode for `run -t` relaying, restore on the way out.
public struct TerminalMode: Sendable {
    var attributes: termios

    public static func read(_ fd: Int32) throws(SystemError) -> TerminalMode {
        var attributes = termios()
        _ = try syscallOnce("tcgetattr") { tcgetattr(fd, &attributes) }
        return TerminalMode(attributes: attributes)
    }

    /// cfmakeraw: no echo, no line editing, no signal keys, 8-bit.
    public func raw() -> TerminalMode {
        var copy = attributes
        cfmakeraw(&copy)
        return TerminalMode(attributes: copy)
    }

    /// tcsetattr(TCSANOW).
    public func apply(to fd: Int32) throws(SystemError) {
        var copy = attributes
        _ = try syscall("tcsetattr") { tcsetattr(fd, TCSANOW, &copy) }
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
