/// `list` output in runc's three shapes: a table (Go tabwriter: min width 12, padding 3), JSON (one
/// compact array; `[]` when empty), or ids only (`-q`).
public enum ContainerListFormatter {
    public struct Row: Sendable, Equatable {
        public var container: ListedContainer
        public var live: LiveStatus
        public init(container: ListedContainer, live: LiveStatus) {
            self.container = container
            self.live = live
        }
    }

    public static func table(_ rows: [Row]) -> String {
        let header = ["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"]
        let cells = [header] + rows.map { row in
            let summary = row.container.summary
            return [
                summary.id, String(row.live.pid), row.live.status.rawValue, summary.bundle, summary.created,
                row.container.ownerName,
            ]
        }
        return tabulate(cells)
    }

    public static func json(_ rows: [Row]) -> String {
        let items = rows.map { row in
            let summary = row.container.summary
            return ContainerStateReport.json(
                ociVersion: summary.ociVersion, id: summary.id, live: row.live, bundle: summary.bundle,
                rootfs: summary.rootfs, created: summary.created, owner: row.container.ownerName,
                annotations: summary.annotations)
        }
        return JSONOutput.array(items).rendered() + "\n"
    }

    public static func quiet(_ rows: [Row]) -> String {
        rows.map { $0.container.summary.id + "\n" }.joined()
    }

    /// Go's text/tabwriter as runc configures it: every column but the last is padded to
    /// max(12, widest cell + 3).
    static func tabulate(_ lines: [[String]]) -> String {
        let columns = lines.map(\.count).max() ?? 0
        var widths = [Int](repeating: 12, count: columns)
        for line in lines {
            for (index, cell) in line.enumerated().dropLast() {
                widths[index] = max(widths[index], cell.unicodeScalars.count + 3)
            }
        }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[index] - cell.unicodeScalars.count)
            }.joined() + "\n"
        }.joined()
    }
}
