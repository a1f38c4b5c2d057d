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

    @Test func idmapOptionsWithoutMappingsAreRefused() {
        var spec = Spec(ociVersion: "1.2.0")
        spec.mounts = [
            Mount(destination: "/a", type: "none", source: "/tmp", options: ["rbind"]),
            Mount(destination: "/b", type: "none", source: "/tmp", options: ["rbind", "idmap"]),
            Mount(destination: "/c", type: "none", source: "/tmp", options: ["ridmap"]),
        ]
        #expect(UnsupportedConfig.problems(in: spec).map(\.path) == ["mounts[1]", "mounts[2]"])
    }
}
