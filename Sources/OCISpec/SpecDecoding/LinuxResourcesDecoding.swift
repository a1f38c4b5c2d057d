// SpecDecodable for Model/LinuxResources.swift (config-linux.md "Control groups": linux.resources): one line per field, in the model's order;
// `required` for the non-optional ones. SpecDecodingTests holds it to the Codable decoder.

extension LinuxResources: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let devices: [LinuxDeviceCgroup]? = object.optional("devices")
        let memory: LinuxMemory? = object.optional("memory")
        let cpu: LinuxCPU? = object.optional("cpu")
        let pids: LinuxPids? = object.optional("pids")
        let blockIO: LinuxBlockIO? = object.optional("blockIO")
        let hugepageLimits: [LinuxHugepageLimit]? = object.optional("hugepageLimits")
        let network: LinuxNetwork? = object.optional("network")
        let rdma: [String: LinuxRdma]? = object.optional("rdma")
        let unified: [String: String]? = object.optional("unified")
        self.init(
            devices: devices, memory: memory, cpu: cpu, pids: pids, blockIO: blockIO, hugepageLimits: hugepageLimits,
            network: network, rdma: rdma, unified: unified
        )
    }
}

extension LinuxMemory: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let limit: Int64? = object.optional("limit")
        let reservation: Int64? = object.optional("reservation")
        let swap: Int64? = object.optional("swap")
        let kernel: Int64? = object.optional("kernel")
        let kernelTCP: Int64? = object.optional("kernelTCP")
        let swappiness: UInt64? = object.optional("swappiness")
        let disableOOMKiller: Bool? = object.optional("disableOOMKiller")
        let useHierarchy: Bool? = object.optional("useHierarchy")
        let checkBeforeUpdate: Bool? = object.optional("checkBeforeUpdate")
        self.init(
            limit: limit, reservation: reservation, swap: swap, kernel: kernel, kernelTCP: kernelTCP,
            swappiness: swappiness, disableOOMKiller: disableOOMKiller, useHierarchy: useHierarchy,
            checkBeforeUpdate: checkBeforeUpdate
        )
    }
}

extension LinuxCPU: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let shares: UInt64? = object.optional("shares")
        let quota: Int64? = object.optional("quota")
        let burst: UInt64? = object.optional("burst")
        let period: UInt64? = object.optional("period")
        let realtimeRuntime: Int64? = object.optional("realtimeRuntime")
        let realtimePeriod: UInt64? = object.optional("realtimePeriod")
        let cpus: String? = object.optional("cpus")
        let mems: String? = object.optional("mems")
        let idle: Int64? = object.optional("idle")
        self.init(
            shares: shares, quota: quota, burst: burst, period: period, realtimeRuntime: realtimeRuntime,
            realtimePeriod: realtimePeriod, cpus: cpus, mems: mems, idle: idle
        )
    }
}

extension LinuxPids: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let limit: Int64? = object.required("limit")
        guard let limit else { throw ProblemAlreadyRecorded() }
        self.init(limit: limit)
    }
}

extension LinuxBlockIO: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let weight: UInt16? = object.optional("weight")
        let leafWeight: UInt16? = object.optional("leafWeight")
        let weightDevice: [LinuxWeightDevice]? = object.optional("weightDevice")
        let throttleReadBpsDevice: [LinuxThrottleDevice]? = object.optional("throttleReadBpsDevice")
        let throttleWriteBpsDevice: [LinuxThrottleDevice]? = object.optional("throttleWriteBpsDevice")
        let throttleReadIOPSDevice: [LinuxThrottleDevice]? = object.optional("throttleReadIOPSDevice")
        let throttleWriteIOPSDevice: [LinuxThrottleDevice]? = object.optional("throttleWriteIOPSDevice")
        self.init(
            weight: weight, leafWeight: leafWeight, weightDevice: weightDevice,
            throttleReadBpsDevice: throttleReadBpsDevice, throttleWriteBpsDevice: throttleWriteBpsDevice,
            throttleReadIOPSDevice: throttleReadIOPSDevice, throttleWriteIOPSDevice: throttleWriteIOPSDevice
        )
    }
}

extension LinuxWeightDevice: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let major: Int64? = object.required("major")
        let minor: Int64? = object.required("minor")
        let weight: UInt16? = object.optional("weight")
        let leafWeight: UInt16? = object.optional("leafWeight")
        guard let major, let minor else { throw ProblemAlreadyRecorded() }
        self.init(major: major, minor: minor, weight: weight, leafWeight: leafWeight)
    }
}

extension LinuxThrottleDevice: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let major: Int64? = object.required("major")
        let minor: Int64? = object.required("minor")
        let rate: UInt64? = object.required("rate")
        guard let major, let minor, let rate else { throw ProblemAlreadyRecorded() }
        self.init(major: major, minor: minor, rate: rate)
    }
}

extension LinuxHugepageLimit: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let pageSize: String? = object.required("pageSize")
        let limit: UInt64? = object.required("limit")
        guard let pageSize, let limit else { throw ProblemAlreadyRecorded() }
        self.init(pageSize: pageSize, limit: limit)
    }
}

extension LinuxNetwork: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let classID: UInt32? = object.optional("classID")
        let priorities: [LinuxInterfacePriority]? = object.optional("priorities")
        self.init(classID: classID, priorities: priorities)
    }
}

extension LinuxInterfacePriority: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let name: String? = object.required("name")
        let priority: UInt32? = object.required("priority")
        guard let name, let priority else { throw ProblemAlreadyRecorded() }
        self.init(name: name, priority: priority)
    }
}

extension LinuxRdma: SpecDecodable {
    public init(spec value: JSONValue, at path: String, _ recorder: ProblemRecorder) throws(ProblemAlreadyRecorded) {
        let object = try SpecObject(value, at: path, recorder)
        let hcaHandles: UInt32? = object.optional("hcaHandles")
        let hcaObjects: UInt32? = object.optional("hcaObjects")
        self.init(hcaHandles: hcaHandles, hcaObjects: hcaObjects)
    }
}
