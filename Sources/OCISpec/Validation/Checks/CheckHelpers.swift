// Small shared predicates for the checks.

extension Spec {
    /// linux.namespaces, or empty.
    var namespaceList: [LinuxNamespace] { linux?.namespaces ?? [] }

    /// The namespace entry of this type (first one), if any.
    func namespace(_ type: LinuxNamespaceType) -> LinuxNamespace? {
        namespaceList.first { $0.type == type }
    }

    /// A namespace of this type is created (listed without a path).
    func createsNamespace(_ type: LinuxNamespaceType) -> Bool {
        namespace(type).map { ($0.path ?? "").isEmpty } ?? false
    }

    /// A namespace of this type is created or joined, i.e. the container does not share the runtime's.
    func hasNamespace(_ type: LinuxNamespaceType) -> Bool {
        namespace(type) != nil
    }
}

func isAbsolutePath(_ path: String) -> Bool {
    path.utf8.first == UInt8(ascii: "/")
}

/// `base[index]`
func indexed(_ base: String, _ index: Int) -> String {
    "\(base)[\(index)]"
}

/// `base.key` or `base["key"]`
func member(_ base: String, _ key: String) -> String {
    JSONPath.appending(JSONMapKey(key), to: base)
}

/// CPU or node lists such as "0-3,7".
func isValidCPUList(_ list: String) -> Bool {
    guard !list.isEmpty else { return true }
    for part in list.split(separator: ",", omittingEmptySubsequences: false) {
        let trimmed = part.trimmingCharacters(in: " ")
        let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 1 || bounds.count == 2 else { return false }
        let numbers = bounds.compactMap { UInt32($0) }
        guard numbers.count == bounds.count else { return false }
        if numbers.count == 2 && numbers[0] > numbers[1] { return false }
    }
    return true
}

extension Substring {
    func trimmingCharacters(in character: Character) -> Substring {
        var result = self
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return result
    }
}
