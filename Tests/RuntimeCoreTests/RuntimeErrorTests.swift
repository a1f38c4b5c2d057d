import LinuxSys
import OCISpec
import Testing

@testable import RuntimeCore

@Test func runcWordingForEngines() {
    #expect(RuntimeError.containerNotFound(id: "x").description == "container does not exist")
    #expect(RuntimeError.containerAlreadyExists(id: "x").description == "container with given ID already exists")
    #expect(RuntimeError.invalidContainerID(id: "a/b").description == "invalid container ID format")
    #expect(RuntimeError.containerNotRunning(id: "x").description == "container not running")
    #expect(RuntimeError.containerNotPaused(id: "x").description == "container not paused")
}

@Test func systemErrorsKeepStageOpPathAndErrno() {
    let error = RuntimeError.system(stage: "mount", SystemError(op: "mount", path: "/proc", errno: .EPERM))
    #expect(error.description == "mount: mount /proc: operation not permitted")
}

@Test func configErrorsListEveryProblem() {
    let config = ConfigError(problems: [.error("process.args", "must not be empty"), .warning("mounts[0].destination", "relative")])
    #expect(RuntimeError.invalidConfig(config).description == "process.args: must not be empty\nwarning: mounts[0].destination: relative")
}
