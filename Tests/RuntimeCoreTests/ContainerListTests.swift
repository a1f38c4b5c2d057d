import OCISpec
import Testing

@testable import RuntimeCore

private func row(_ id: String, pid: Int32, status: ContainerStatus, annotations: [String: String]? = nil) -> ContainerListFormatter.Row {
    let summary = ContainerSummary(
        ociVersion: "1.3.0", id: id, bundle: "/tmp/h3/b", rootfs: "/tmp/h3/b/rootfs", pid: pid, pidStartTime: 1,
        status: status, created: "2026-11-24T23:02:24.00101083Z", owner: "", annotations: annotations,
        creatorPid: 1, creatorStartTime: 1)
    return .init(container: ListedContainer(summary: summary, ownerName: "root"), live: LiveStatus(status: status, pid: pid))
}

@Test func emptyTableIsRuncsHeader() {
    #expect(ContainerListFormatter.table([]) == "ID          PID         STATUS      BUNDLE      CREATED     OWNER\n")
    #expect(ContainerListFormatter.json([]) == "[]\n")
    #expect(ContainerListFormatter.quiet([]) == "")
}

@Test func tableColumnsWidenLikeGoTabwriter() {
    let text = ContainerListFormatter.table([row("t1", pid: 6052, status: .created)])
    #expect(text == """
        ID          PID         STATUS      BUNDLE      CREATED                         OWNER
        t1          6052        created     /tmp/h3/b   2026-11-24T23:02:24.00101083Z   root

        """)
}

@Test func jsonEntriesHaveRuncsKeysInOrder() {
    let text = ContainerListFormatter.json([row("t1", pid: 6052, status: .created, annotations: ["k": "v"])])
    #expect(text == "[{\"ociVersion\":\"1.3.0\",\"id\":\"t1\",\"pid\":6052,\"status\":\"created\",\"bundle\":\"/tmp/h3/b\",\"rootfs\":\"/tmp/h3/b/rootfs\",\"created\":\"2026-11-24T23:02:24.00101083Z\",\"owner\":\"root\",\"annotations\":{\"k\":\"v\"}}]\n")
}

@Test func stateTextIsPrettyPrintedWithTwoSpaces() {
    var record = sampleRecord(id: "t1", status: .stopped)
    record.ociVersion = "1.3.0"
    let text = ContainerStateReport.stateText(record, live: LiveStatus(status: .stopped, pid: 0))
    #expect(text == """
        {
          "ociVersion": "1.3.0",
          "id": "t1",
          "pid": 0,
          "status": "stopped",
          "bundle": "/bundles/t1",
          "rootfs": "/bundles/t1/rootfs",
          "created": "2026-11-24T23:02:24.00101083Z",
          "owner": ""
        }

        """)
}

@Test func ownerNamesComeFromPasswd() {
    let names = OwnerNames.parse("root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\nbroken\n")
    #expect(names == [0: "root", 1000: "user"])
}
