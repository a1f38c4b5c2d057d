import LinuxSys
import OCISpec
import Testing

@testable import RuntimeCore

/// Plan decisions that conformance runs turned up: capabilities that cannot be granted, the caller's umask,
/// rootfsPropagation before pivot_root, idmap options swiftlet cannot apply.
@Suite struct SetupPlanConformanceTests {
    static let killAndChown = GrantableCapabilities(mask: 1 << 5 | 1 << 0, reason: "test mask")

    @Test func ungrantableCapabilitiesAreDroppedWithAWarningEach() {
        let caps = LinuxCapabilities(
            bounding: [.kill, .sysResource, .chown], effective: [.kill], inheritable: nil,
            permitted: [.sysResource, .kill], ambient: [.sysResource])
        let (kept, warnings) = Self.killAndChown.filter(caps)
        #expect(kept?.bounding == [.kill, .chown])
        #expect(kept?.effective == [.kill])
        #expect(kept?.inheritable == nil)
        #expect(kept?.permitted == [.kill])
        #expect(kept?.ambient == [])
        #expect(warnings.map(\.path) == [
            "process.capabilities.bounding[1]", "process.capabilities.permitted[0]", "process.capabilities.ambient[0]",
        ])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.message.contains("CAP_SYS_RESOURCE cannot be granted") })
    }

    @Test func noCapabilitiesStayNoCapabilities() {
        let (kept, warnings) = Self.killAndChown.filter(nil)
        #expect(kept == nil)
        #expect(warnings.isEmpty)
    }

    @Test func theKernelsListBoundsWhatANewUserNamespaceGrants() throws {
        let last = try Capabilities.lastCapability()
        let known = GrantableCapabilities.knownToKernel()
        #expect(known.contains(.chown))
        #expect(known.contains(.checkpointRestore) == (Capability.checkpointRestore.kernelValue <= last))
        let plan = NamespacePlan(
            unshareFlags: 0, joins: [], newUser: true, newPID: false, newTime: false, newCgroup: false, newMount: true,
            uidMappings: [], gidMappings: [], timeOffsets: [:])
        #expect(SetupPlanBuilder.grantable(plan) == known)
    }

    @Test func theRuntimesOwnSetsBoundWhatItsUserNamespaceGrants() throws {
        let held = GrantableCapabilities.heldByRuntime()
        let permitted = try CapabilitySets.read().permitted
        #expect(held.mask & ~permitted == 0)
        for capability in Capability.allCases where held.contains(capability) {
            #expect(try ProcessControl.boundingCapabilityIsSet(capability.kernelValue))
        }
    }

    @Test func umaskIsOnlySetWhenTheConfigGivesOne() {
        let unset = SetupPlanBuilder.planProcess(Process(args: ["true"]), capabilities: nil, linux: nil)
        #expect(unset.umask == nil)
        let given = SetupPlanBuilder.planProcess(
            Process(user: User(uid: 0, gid: 0, umask: 0o027), args: ["true"]), capabilities: nil, linux: nil)
        #expect(given.umask == 0o027)
    }

    @Test func unbindableIsPrivateUntilTheRootIsPivoted() {
        #expect(RootPropagationStage.beforePivot([.unbindable, .recursive]) == [.private, .recursive])
        #expect(RootPropagationStage.beforePivot(.unbindable) == .private)
        #expect(RootPropagationStage.beforePivot([.shared, .recursive]) == [.shared, .recursive])
        #expect(RootPropagationStage.beforePivot([.slave, .recursive]) == [.slave, .recursive])
    }

    @Test func idmapWithoutMappingsIsAnErrorWithoutAUserNamespace() {
        let mounts = [
            Mount(destination: "/a", type: "none", source: "/tmp", options: ["rbind"]),
            Mount(destination: "/b", type: "none", source: "/tmp", options: ["rbind", "idmap"]),
            Mount(destination: "/c", type: "none", source: "/tmp", options: ["bind", "ridmap"]),
        ]
        var problems: [ConfigProblem] = []
        let plans = SetupPlanBuilder.planMounts(mounts, bundle: "/tmp", userNamespace: false, problems: &problems)
        #expect(plans.allSatisfy { $0.idmap == nil })
        #expect(problems.map(\.path) == ["mounts[1].options", "mounts[2].options"])
        #expect(problems.allSatisfy { $0.severity == .error && $0.message.contains("needs uidMappings and gidMappings") })

        var inUserNamespace: [ConfigProblem] = []
        _ = SetupPlanBuilder.planMounts(mounts, bundle: "/tmp", userNamespace: true, problems: &inUserNamespace)
        #expect(inUserNamespace.count == 2)
        #expect(inUserNamespace.allSatisfy { $0.message.hasPrefix("not supported by swiftlet") })
    }

    @Test func idmapWithMappingsIsPlannedForABind() throws {
        let map = [LinuxIDMapping(containerID: 0, hostID: 1000, size: 1)]
        let mounts = [
            Mount(destination: "/a", type: "none", source: "/tmp", options: ["rbind", "ridmap"], uidMappings: map, gidMappings: map),
            Mount(destination: "/b", type: "none", source: "/tmp", options: ["bind"], uidMappings: map, gidMappings: nil),
            Mount(destination: "/c", type: "tmpfs", source: "tmpfs", options: ["idmap"], uidMappings: map, gidMappings: map),
        ]
        var problems: [ConfigProblem] = []
        let plans = SetupPlanBuilder.planMounts(mounts, bundle: "/tmp", userNamespace: false, problems: &problems)
        let idmap = try #require(plans[0].idmap)
        #expect(idmap.recursive)
        #expect(idmap.uidMappings == map && idmap.gidMappings == map)
        #expect(problems.map(\.path) == ["mounts[1]", "mounts[2]"])
        #expect(problems[0].message.contains("must be given together"))
        #expect(problems[1].message.contains("only supported for bind mounts"))
        #expect(IDMapUserNamespace.mapText(map + [LinuxIDMapping(containerID: 1, hostID: 2000, size: 10)]) == "0 1000 1\n1 2000 10\n")
    }
}
