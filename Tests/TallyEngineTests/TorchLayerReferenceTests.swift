import XCTest
import TallyEngine

/// The layers against real PyTorch: reference/torch_layers.py ran them in float64 with the same
/// inputs and parameters and recorded outputs and the gradients of Σ output ⊙ upstream with
/// respect to inputs and parameters (reference/cases/torch_layers.json).
final class TorchLayerReferenceTests: XCTestCase {
    static let file = Result { try ReferenceFile.load("torch_layers.json") }

    /// Runs `forward` on the case's inputs (those with a reference gradient require one), checks
    /// its outputs, differentiates Σ output ⊙ upstream.<output> and checks the gradients. A
    /// layer object owns its parameters: `forward` copies the case's values in and returns them
    /// in `parameters` under the case's names, so that their gradients are the ones checked.
    func check(_ prefix: String, minimum: Int, file: StaticString = #filePath, line: UInt = #line,
               _ forward: (ReferenceCase, [String: Tensor]) -> (outputs: [String: Tensor], parameters: [String: Tensor])) throws {
        let cases = try Self.file.get().cases(prefix)
        XCTAssertGreaterThanOrEqual(cases.count, minimum, "cases for \(prefix)", file: file, line: line)
        for c in cases {
            var inputs: [String: Tensor] = [:]
            for key in c.inputs.keys where !key.hasPrefix("upstream.") {
                inputs[key] = c.input(key, requiresGrad: c.gradients?[key] != nil)
            }
            let (outputs, parameters) = forward(c, inputs)
            var loss: Tensor?
            for (key, expected) in c.outputs {
                assertMatches(outputs[key], expected, "\(c.name) output \(key)", file: file, line: line)
                if let upstream = c.inputs["upstream." + key], let output = outputs[key] {
                    let term = (output * upstream.tensor).sum()
                    loss = loss.map { $0 + term } ?? term
                }
            }
            loss?.backward()
            for (key, expected) in c.gradients ?? [:] {
                let source = parameters[key] ?? inputs[key]
                assertMatches(source?.grad, expected, "\(c.name) gradient \(key)", file: file, line: line)
            }
        }
    }

    /// Copies the case's values into a module's tensors, by torch's parameter names.
    func load(_ named: [(name: String, tensor: Tensor)], from inputs: [String: Tensor]) -> [String: Tensor] {
        var loaded: [String: Tensor] = [:]
        for (name, tensor) in named {
            guard let value = inputs[name] else { XCTFail("no input \(name)"); continue }
            XCTAssertEqual(tensor.shape, value.shape, name)
            tensor.data = value.data
            loaded[name] = tensor
        }
        return loaded
    }

    func size(_ c: ReferenceCase, _ key: String) -> Size2d {
        let values = c.numbers(key)!.map { Int($0) }
        return Size2d(values[0], values[1])
    }

    // MARK: Normalisation

    func testLayerNormMatchesTorch() throws {
        try check("layer_norm/", minimum: 7) { c, t in
            let shape = c.numbers("normalizedShape")!.map { Int($0) }
            let functional = layerNorm(t["x"]!, normalizedShape: shape, weight: t["weight"], bias: t["bias"], eps: c.number("eps")!)
            // The layer gives the same numbers.
            let layer = LayerNorm(shape, eps: c.number("eps")!, elementwiseAffine: c.flag("affine")!, bias: c.flag("bias")!)
            if let weight = t["weight"] { layer.weight!.data = weight.data }
            if let bias = t["bias"] { layer.bias!.data = bias.data }
            assertMatches(layer(t["x"]!.detached()), c.outputs["y"], "\(c.name) LayerNorm")
            return (["y": functional], [:])
        }
    }

    func testGroupNormMatchesTorch() throws {
        try check("group_norm/", minimum: 5) { c, t in
            let groups = Int(c.number("numGroups")!)
            let layer = GroupNorm(groups, t["x"]!.shape[1], eps: c.number("eps")!, affine: c.flag("affine")!)
            let named = [("weight", layer.weight), ("bias", layer.bias)].compactMap { n, p in p.map { (name: n, tensor: $0) } }
            let parameters = load(named, from: t)
            return (["y": layer(t["x"]!)], parameters)
        }
    }

    func testBatchNorm2dMatchesTorchInTrainingAndEvaluation() throws {
        try check("batch_norm2d/", minimum: 7) { c, t in
            let x = t["x"]!
            let track = c.flag("trackRunningStats")!
            // No momentum in the case is torch's momentum=None: a cumulative average.
            let layer = BatchNorm2d(x.shape[1], eps: c.number("eps")!, momentum: c.number("momentum"), affine: c.flag("affine")!,
                                    trackRunningStats: track)
            if track {
                layer.runningMean.data = t["running_mean"]!.data
                layer.runningVar.data = t["running_var"]!.data
            }
            if !c.flag("training")! { layer.eval() }
            let named = [("weight", layer.weight), ("bias", layer.bias)].compactMap { n, p in p.map { (name: n, tensor: $0) } }
            let parameters = load(named, from: t)
            for k in 0..<Int(c.number("earlierBatches")!) { _ = layer(t["earlier\(k)"]!) }
            let y = layer(x)
            return (track ? ["y": y, "running_mean": layer.runningMean, "running_var": layer.runningVar] : ["y": y], parameters)
        }
    }

    func testEmbeddingMatchesTorch() throws {
        try check("embedding/", minimum: 3) { c, t in
            let padding = c.number("paddingIdx").map { Int($0) }
            return (["y": embedding(t["indices"]!, t["weight"]!, paddingIdx: padding)], [:])
        }
    }

    // MARK: Convolution and pooling

    func testConv2dMatchesTorch() throws {
        try check("conv2d/", minimum: 12) { c, t in
            let y = conv2d(t["x"]!, t["weight"]!, bias: t["bias"], stride: size(c, "stride"), padding: size(c, "padding"),
                           dilation: size(c, "dilation"), groups: Int(c.number("groups")!))
            return (["y": y], [:])
        }
    }

    func testConv2dLayerMatchesTorch() throws {
        try check("conv2d/all-options", minimum: 1) { c, t in
            let w = t["weight"]!.shape
            let layer = Conv2d(w[1] * Int(c.number("groups")!), w[0], kernelSize: Size2d(w[2], w[3]), stride: size(c, "stride"),
                               padding: size(c, "padding"), dilation: size(c, "dilation"), groups: Int(c.number("groups")!))
            let parameters = load([("weight", layer.weight), ("bias", layer.bias!)], from: t)
            return (["y": layer(t["x"]!)], parameters)
        }
    }

    func testMaxPool2dMatchesTorch() throws {
        try check("max_pool2d/", minimum: 7) { c, t in
            (["y": maxPool2d(t["x"]!, size: size(c, "kernelSize"), stride: size(c, "stride"), padding: size(c, "padding"),
                             dilation: size(c, "dilation"), ceilMode: c.flag("ceilMode")!)], [:])
        }
    }

    func testAvgPool2dMatchesTorch() throws {
        try check("avg_pool2d/", minimum: 7) { c, t in
            (["y": avgPool2d(t["x"]!, size: size(c, "kernelSize"), stride: size(c, "stride"), padding: size(c, "padding"),
                             ceilMode: c.flag("ceilMode")!, countIncludePad: c.flag("countIncludePad")!)], [:])
        }
    }

    // MARK: Recurrent layers

    func cellParameters(_ cell: RNNCellBase) -> [(name: String, tensor: Tensor)] {
        [("weight_ih", cell.weightIh), ("weight_hh", cell.weightHh), ("bias_ih", cell.biasIh), ("bias_hh", cell.biasHh)]
            .compactMap { name, tensor in tensor.map { (name: name, tensor: $0) } }
    }

    func testRNNCellMatchesTorch() throws {
        try check("rnn_cell/", minimum: 3) { c, t in
            let cell = RNNCell(Int(c.number("inputSize")!), Int(c.number("hiddenSize")!), bias: c.flag("bias")!,
                               nonlinearity: c.text("nonlinearity")!)
            let parameters = load(cellParameters(cell), from: t)
            return (["h": cell(t["x"]!, t["h0"])], parameters)
        }
    }

    func testLSTMCellMatchesTorch() throws {
        try check("lstm_cell/", minimum: 4) { c, t in
            let cell = LSTMCell(Int(c.number("inputSize")!), Int(c.number("hiddenSize")!), bias: c.flag("bias")!)
            let parameters = load(cellParameters(cell), from: t)
            let state = t["h0"].map { (h: $0, c: t["c0"]!) }
            let (h, next) = cell(t["x"]!, state)
            return (["h": h, "c": next], parameters)
        }
    }

    func testGRUCellMatchesTorch() throws {
        try check("gru_cell/", minimum: 3) { c, t in
            let cell = GRUCell(Int(c.number("inputSize")!), Int(c.number("hiddenSize")!), bias: c.flag("bias")!)
            let parameters = load(cellParameters(cell), from: t)
            return (["h": cell(t["x"]!, t["h0"])], parameters)
        }
    }

    func sequenceOptions(_ c: ReferenceCase) -> (Int, Int, numLayers: Int, bias: Bool, batchFirst: Bool, bidirectional: Bool) {
        (Int(c.number("inputSize")!), Int(c.number("hiddenSize")!), Int(c.number("numLayers")!), c.flag("bias")!,
         c.flag("batchFirst")!, c.flag("bidirectional")!)
    }

    func testRNNOverSequencesMatchesTorch() throws {
        try check("rnn/", minimum: 3) { c, t in
            let o = sequenceOptions(c)
            let rnn = RNN(o.0, o.1, numLayers: o.numLayers, nonlinearity: c.text("nonlinearity")!, bias: o.bias,
                          batchFirst: o.batchFirst, bidirectional: o.bidirectional)
            let parameters = load(rnn.namedParameters, from: t)
            let (output, hN) = rnn(t["x"]!, t["h0"])
            return (["output": output, "hN": hN], parameters)
        }
    }

    func testLSTMOverSequencesMatchesTorch() throws {
        try check("lstm/", minimum: 4) { c, t in
            let o = sequenceOptions(c)
            let lstm = LSTM(o.0, o.1, numLayers: o.numLayers, bias: o.bias, batchFirst: o.batchFirst, bidirectional: o.bidirectional)
            let parameters = load(lstm.namedParameters, from: t)
            let (output, hN, cN) = lstm(t["x"]!, t["h0"].map { (h0: $0, c0: t["c0"]!) })
            return (["output": output, "hN": hN, "cN": cN], parameters)
        }
    }

    func testGRUOverSequencesMatchesTorch() throws {
        try check("gru/", minimum: 3) { c, t in
            let o = sequenceOptions(c)
            let gru = GRU(o.0, o.1, numLayers: o.numLayers, bias: o.bias, batchFirst: o.batchFirst, bidirectional: o.bidirectional)
            let parameters = load(gru.namedParameters, from: t)
            let (output, hN) = gru(t["x"]!, t["h0"])
            return (["output": output, "hN": hN], parameters)
        }
    }

    // MARK: Attention

    func testScaledDotProductAttentionMatchesTorch() throws {
        try check("sdpa/", minimum: 7) { c, t in
            (["y": scaledDotProductAttention(t["query"]!, t["key"]!, t["value"]!, attnMask: t["attnMask"],
                                             isCausal: c.flag("isCausal")!, scale: c.number("scale"))], [:])
        }
    }

    func testMultiheadAttentionMatchesTorch() throws {
        try check("multihead_attention/", minimum: 8) { c, t in
            let attention = MultiheadAttention(Int(c.number("embedDim")!), Int(c.number("numHeads")!), bias: c.flag("bias")!,
                                               batchFirst: c.flag("batchFirst")!)
            let named = [("in_proj_weight", attention.inProjWeight), ("in_proj_bias", attention.inProjBias),
                         ("out_proj.weight", attention.outProjWeight), ("out_proj.bias", attention.outProjBias)]
                .compactMap { name, tensor in tensor.map { (name: name, tensor: $0) } }
            let parameters = load(named, from: t)
            let query = t["query"]!
            let selfAttention = c.flag("selfAttention")!
            let (output, weights) = attention(query, selfAttention ? query : t["key"]!, selfAttention ? query : t["value"]!,
                                              keyPaddingMask: t["keyPaddingMask"], attnMask: t["attnMask"],
                                              averageAttnWeights: c.flag("averageAttnWeights")!, isCausal: c.flag("isCausal")!)
            return (["output": output, "attnWeights": weights], parameters)
        }
    }

    func testTheFileHoldsAtLeastFiftyCases() throws {
        XCTAssertGreaterThanOrEqual(try Self.file.get().cases.count, 50)
    }
}
