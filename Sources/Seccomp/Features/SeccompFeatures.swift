import CSeccomp
import OCISpec

/// linux.seccomp in `features` (features-linux.md): what swiftlet recognises, and which flags this kernel applies.
public enum SeccompFeatures {
    public static func current() -> LinuxSeccompFeatures {
        LinuxSeccompFeatures(
            enabled: true,
            actions: LinuxSeccompAction.allCases,
            operators: LinuxSeccompOperator.allCases,
            archs: recognisedArchitectures,
            knownFlags: LinuxSeccompFlag.allCases,
            supportedFlags: LinuxSeccompFlag.allCases.filter(FilterFlags.kernelSupports))
    }

    /// The architectures this libseccomp can build filters for (2.5.4 lacks a few the spec lists).
    public static var recognisedArchitectures: [Arch] {
        Arch.allCases.filter { $0.libseccompToken != nil }
    }

    /// "2.5.4": the libseccomp the filters are built with, for `features` annotations and messages.
    public static var libseccompVersionText: String { libseccompVersion }
}
