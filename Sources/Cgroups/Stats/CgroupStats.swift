/// Resource usage in the shape of runc's `events --stats` "data" object (runc's types/events.go), including
/// Go's omitempty: zero numbers and empty lists are left out, nested objects are always present.
public struct CgroupStats: Encodable, Sendable, Equatable {
    public var cpu = CPU()
    public var cpuset = CPUSet()
    public var memory = Memory()
    public var pids = Pids()
    public var blkio = BlockIO()
    /// Page size ("2MB") → usage.
    public var hugetlb: [String: Hugetlb] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case cpu, cpuset, memory, pids, blkio, hugetlb
        case intelRdt = "intel_rdt", networkInterfaces = "network_interfaces"
    }

    /// runc prints intel_rdt as {} and network_interfaces as null when it has nothing for them; so do we.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cpu, forKey: .cpu)
        try container.encode(cpuset, forKey: .cpuset)
        try container.encode(memory, forKey: .memory)
        try container.encode(pids, forKey: .pids)
        try container.encode(blkio, forKey: .blkio)
        try container.encode(hugetlb, forKey: .hugetlb)
        try container.encode([String: UInt64](), forKey: .intelRdt)
        try container.encodeNil(forKey: .networkInterfaces)
    }

    /// cpuset: the CPUs and nodes the container may use, plus the v1 flags (runc's CPUSet).
    public struct CPUSet: Encodable, Sendable, Equatable {
        public var cpus: [UInt16] = []
        public var mems: [UInt16] = []
        /// v1 flag files by name without the "cpuset." prefix ("cpu_exclusive", "sched_load_balance", …).
        public var flags: [String: Int64] = [:]

        static let flagNames = [
            "cpu_exclusive", "mem_hardwall", "mem_exclusive", "memory_migrate", "memory_spread_page",
            "memory_spread_slab", "memory_pressure", "sched_load_balance", "sched_relax_domain_level",
        ]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            if !cpus.isEmpty { try container.encode(cpus, forKey: Key("cpus")) }
            if !mems.isEmpty { try container.encode(mems, forKey: Key("mems")) }
            for name in CPUSet.flagNames where !flags.isEmpty { try container.encode(flags[name] ?? 0, forKey: Key(name)) }
        }

        /// "0-2,4" → [0, 1, 2, 4].
        static func parseList(_ text: String) -> [UInt16] {
            var values: [UInt16] = []
            for range in text.split(separator: ",") {
                let bounds = range.split(separator: "-").compactMap { UInt16($0.trimmingWhitespace()) }
                if bounds.count == 1 { values.append(bounds[0]) }
                if bounds.count == 2, bounds[0] <= bounds[1] { values += Array(bounds[0]...bounds[1]) }
            }
            return values
        }
    }

    public struct CPU: Encodable, Sendable, Equatable {
        public var usage = Usage()
        public var throttling = Throttling()

        public struct Usage: Encodable, Sendable, Equatable {
            /// Nanoseconds.
            public var total: UInt64 = 0
            public var percpu: [UInt64] = []
            public var percpuKernel: [UInt64] = []
            public var percpuUser: [UInt64] = []
            public var kernel: UInt64 = 0
            public var user: UInt64 = 0

            enum CodingKeys: String, CodingKey {
                case total, percpu, kernel, user
                case percpuKernel = "percpu_kernel", percpuUser = "percpu_user"
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNonZero(total, forKey: .total)
                if !percpu.isEmpty { try container.encode(percpu, forKey: .percpu) }
                if !percpuKernel.isEmpty { try container.encode(percpuKernel, forKey: .percpuKernel) }
                if !percpuUser.isEmpty { try container.encode(percpuUser, forKey: .percpuUser) }
                try container.encode(kernel, forKey: .kernel)
                try container.encode(user, forKey: .user)
            }
        }

        public struct Throttling: Encodable, Sendable, Equatable {
            public var periods: UInt64 = 0
            public var throttledPeriods: UInt64 = 0
            /// Nanoseconds.
            public var throttledTime: UInt64 = 0

            enum CodingKeys: String, CodingKey { case periods, throttledPeriods, throttledTime }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNonZero(periods, forKey: .periods)
                try container.encodeNonZero(throttledPeriods, forKey: .throttledPeriods)
                try container.encodeNonZero(throttledTime, forKey: .throttledTime)
            }
        }
    }

    public struct Memory: Encodable, Sendable, Equatable {
        public var cache: UInt64 = 0
        public var usage = Entry()
        public var swap = Entry()
        public var kernel = Entry()
        public var kernelTCP = Entry()
        public var raw: [String: UInt64] = [:]

        public struct Entry: Encodable, Sendable, Equatable {
            public var limit: UInt64 = 0
            public var usage: UInt64 = 0
            public var max: UInt64 = 0
            public var failcnt: UInt64 = 0

            enum CodingKeys: String, CodingKey { case limit, usage, max, failcnt }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(limit, forKey: .limit)
                try container.encodeNonZero(usage, forKey: .usage)
                try container.encodeNonZero(max, forKey: .max)
                try container.encode(failcnt, forKey: .failcnt)
            }
        }

        enum CodingKeys: String, CodingKey { case cache, usage, swap, kernel, kernelTCP, raw }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNonZero(cache, forKey: .cache)
            try container.encode(usage, forKey: .usage)
            try container.encode(swap, forKey: .swap)
            try container.encode(kernel, forKey: .kernel)
            try container.encode(kernelTCP, forKey: .kernelTCP)
            if !raw.isEmpty { try container.encode(raw, forKey: .raw) }
        }
    }

    public struct Pids: Encodable, Sendable, Equatable {
        public var current: UInt64 = 0
        /// 0 when unlimited.
        public var limit: UInt64 = 0

        enum CodingKeys: String, CodingKey { case current, limit }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNonZero(current, forKey: .current)
            try container.encodeNonZero(limit, forKey: .limit)
        }
    }

    public struct BlockIO: Encodable, Sendable, Equatable {
        public var ioServiceBytesRecursive: [Entry] = []
        public var ioServicedRecursive: [Entry] = []

        /// One "major:minor Op value" line ("8:0 Read 4096").
        public struct Entry: Encodable, Sendable, Equatable {
            public var major: UInt64
            public var minor: UInt64
            public var op: String
            public var value: UInt64

            public init(major: UInt64, minor: UInt64, op: String, value: UInt64) {
                self.major = major
                self.minor = minor
                self.op = op
                self.value = value
            }

            enum CodingKeys: String, CodingKey { case major, minor, op, value }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeNonZero(major, forKey: .major)
                try container.encodeNonZero(minor, forKey: .minor)
                if !op.isEmpty { try container.encode(op, forKey: .op) }
                try container.encodeNonZero(value, forKey: .value)
            }
        }

        enum CodingKeys: String, CodingKey { case ioServiceBytesRecursive, ioServicedRecursive }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if !ioServiceBytesRecursive.isEmpty { try container.encode(ioServiceBytesRecursive, forKey: .ioServiceBytesRecursive) }
            if !ioServicedRecursive.isEmpty { try container.encode(ioServicedRecursive, forKey: .ioServicedRecursive) }
        }
    }

    public struct Hugetlb: Encodable, Sendable, Equatable {
        public var usage: UInt64 = 0
        public var max: UInt64 = 0
        public var failcnt: UInt64 = 0

        enum CodingKeys: String, CodingKey { case usage, max, failcnt }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNonZero(usage, forKey: .usage)
            try container.encodeNonZero(max, forKey: .max)
            try container.encode(failcnt, forKey: .failcnt)
        }
    }
}

extension KeyedEncodingContainer {
    /// Go's `omitempty` for numbers.
    mutating func encodeNonZero(_ value: UInt64, forKey key: Key) throws {
        if value != 0 { try encode(value, forKey: key) }
    }
}
