// Reverse-mode autodiff in the style of micrograd, at tensor level: every operation on tensors
// that require gradients returns a tensor remembering its inputs (`parents`) and a closure that
// pushes its gradient back to them. `backward()` visits the graph in reverse topological order.

extension Tensor {
    /// The result of an operation: remembers `parents` and `backward` only if one of the
    /// parents requires a gradient, so plain numeric code builds no graph.
    static func recording(shape: [Int], data: [Double], parents: [Tensor],
                          backward: @escaping (_ gradient: [Double]) -> Void) -> Tensor {
        let result = Tensor(shape: shape, data: data)
        if parents.contains(where: { $0.requiresGrad }) {
            result.requiresGrad = true
            result.parents = parents
            result.backwardFunction = backward
        }
        return result
    }

    /// Adds `gradient` (same shape as self) into `grad`: a tensor used twice gets both
    /// contributions, as the multivariable chain rule requires.
    func accumulateGradient(_ gradient: [Double]) {
        guard requiresGrad else { return }
        if let existing = grad {
            existing.data.withUnsafeMutableBufferPointer { g in
                for i in g.indices { g[i] += gradient[i] }
            }
        } else {
            grad = Tensor(shape: shape, data: gradient)
        }
    }

    /// Computes the gradient of this tensor with respect to every tensor it was computed from
    /// that has `requiresGrad`, adding it into their `grad` (call `zeroGrad()` between steps,
    /// as in PyTorch). For a non-scalar tensor this differentiates the sum of its elements.
    public func backward() {
        engineRequire(requiresGrad, "backward(): this tensor was not computed from any tensor with requiresGrad")
        let order = topologicalOrder()
        // Intermediate results start from zero, so calling backward() twice on one graph
        // accumulates into the leaves exactly twice.
        for node in order where node.backwardFunction != nil { node.grad = nil }
        accumulateGradient(Array(repeating: 1, count: count))
        for node in order.reversed() {
            if let pushBack = node.backwardFunction, let g = node.grad {
                pushBack(g.data)
            }
        }
    }

    /// Sets `grad` to nil.
    public func zeroGrad() { grad = nil }

    /// Nodes reachable from self, each after all of its parents (iterative DFS, so that long
    /// chains such as 10,000 training steps cannot overflow the stack).
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: Tensor, parentsDone: Bool)] = [(self, false)]
        while let (node, parentsDone) = stack.popLast() {
            if parentsDone {
                order.append(node)
                continue
            }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for parent in node.parents where parent.requiresGrad && !visited.contains(ObjectIdentifier(parent)) {
                stack.append((parent, false))
            }
        }
        return order
    }
}
