import OCISpec

extension CgroupSet {
    /// Where a controller is for this container: its v1 directory, or the cgroup2 directory (enabling the
    /// controller in the ancestors' subtree_control when needed, e.g. hugetlb on a hybrid host).
    enum Location { case v1(CgroupDirectory), v2(CgroupDirectory) }

    func locate(_ route: ControllerRoute, key: String) throws(CgroupError) -> Location {
        if route.v1 != nil, let path = paths[route.name] { return .v1(CgroupDirectory(path)) }
        if let v2 = route.v2, let unifiedPath {
            let directory = CgroupDirectory(unifiedPath)
            if v2.controller.isEmpty { return .v2(directory) }
            if V2SubtreeControl.isAvailable(v2.controller, for: directory) {
                try V2SubtreeControl.enable([v2.controller], for: directory, key: key)
                return .v2(directory)
            }
        }
        throw .unsupported(key, "cgroup controller \(route.name) is not mounted on this host")
    }

    /// Writes every configured value to the controller where it is really mounted. Stops at the first value the
    /// host cannot honour; the error names its JSON key. Deliberately ignored values: see IgnoredResources.
    public func apply(_ resources: LinuxResources) throws(CgroupError) {
        try apply(resources, mode: .create)
    }

    /// `update`: the same writes with runc's update semantics (only what is given changes; checkBeforeUpdate
    /// compares a new memory limit with the current usage).
    public func update(_ resources: LinuxResources) throws(CgroupError) {
        try apply(resources, mode: .update)
    }

    func apply(_ resources: LinuxResources, mode: ApplyMode) throws(CgroupError) {
        if let limits = resources.hugepageLimits { try HugePageSize.validate(limits.map(\.pageSize)) }
        for route in ControllerRoute.all {
            let implementation = route.v1 ?? route.v2
            guard let implementation, implementation.isConfigured(in: resources) else { continue }
            switch try locate(route, key: resourceKey(forController: route.name)) {
            case .v1(let directory):
                try route.v1?.apply(resources, to: directory, mode: mode)
            case .v2(let directory):
                try route.v2?.apply(resources, to: directory, mode: mode)
            }
        }
        if let unified = resources.unified, !unified.isEmpty {
            guard let unifiedPath else {
                throw .unsupported("linux.resources.unified", "cgroup v2 is not mounted on this host (cgroup v1 only)")
            }
            try V2Unified.apply(unified, to: CgroupDirectory(unifiedPath))
        }
    }
}
