import Foundation

extension CyclePlan {
    /// The ids of the node whose code is `code` and of every node below it; nil when no node has that code.
    /// The budget totals and the budget use of a node add up what stands in this subtree.
    public func subtreeNodeIDs(ofCode code: String) -> Set<String>? {
        guard let root = nodes.first(where: { $0.code == code }) else { return nil }
        let children = Dictionary(grouping: nodes, by: { $0.parentID ?? "" })
        var found: Set<String> = []
        var queue = [root.id]
        while let id = queue.popLast() {
            if found.insert(id).inserted { queue += (children[id] ?? []).map(\.id) }
        }
        return found
    }
}
