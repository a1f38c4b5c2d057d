import CSeccomp
import OCISpec

extension LinuxSeccompOperator {
    /// libseccomp's comparison operator.
    var libseccompValue: scmp_compare {
        switch self {
        case .notEqual: return SCMP_CMP_NE
        case .lessThan: return SCMP_CMP_LT
        case .lessEqual: return SCMP_CMP_LE
        case .equalTo: return SCMP_CMP_EQ
        case .greaterEqual: return SCMP_CMP_GE
        case .greaterThan: return SCMP_CMP_GT
        case .maskedEqual: return SCMP_CMP_MASKED_EQ
        }
    }
}

/// Syscalls take at most six arguments (seccomp_data.args[6]).
let syscallArgumentCount: UInt32 = 6

/// One argument condition. For MASKED_EQ `value` is the mask and `valueTwo` the expected result
/// ((arg & value) == valueTwo), which is how Docker's profiles read; other operators use `value` only.
func encodedCondition(_ arg: LinuxSeccompArg, path: String) throws(SeccompError) -> scmp_arg_cmp {
    guard arg.index < syscallArgumentCount else {
        throw SeccompError(configPath: path + ".index", detail: "\(arg.index) is out of range (0-5)")
    }
    let second = arg.op == .maskedEqual ? (arg.valueTwo ?? 0) : 0
    return scmp_arg_cmp(arg: arg.index, op: arg.op.libseccompValue, datum_a: arg.value, datum_b: second)
}
