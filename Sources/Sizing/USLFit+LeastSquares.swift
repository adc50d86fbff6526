import PoolCore
extension USLFit {
    /// Fits the curve to measured points by least squares on the relative error, so the small caps
    /// (which fix λ) count as much as the large ones; σ and κ are kept ≥ 0.
    ///
    /// Each way of keeping σ, κ, or both at zero is solved first with the standard linearisation
    /// N/X = 1/λ + (σ/λ)(N−1) + (κ/λ)N(N−1), then refined by Levenberg–Marquardt on the curve
    /// itself; the best admissible one wins. Points with N < 1 or X ≤ 0 are ignored.
    /// - Returns: nil when no point is usable. With one distinct N only λ is fitted (σ = κ = 0),
    ///   with two at most λ and σ.
    public init?(concurrency: [Double], throughput: [Double]) {
        let points = zip(concurrency, throughput).filter { $0.0 >= 1 && $0.1 > 0 && $0.0.isFinite && $0.1.isFinite }
        guard !points.isEmpty else { return nil }
        let n = points.map(\.0), x = points.map(\.1)
        let distinct = Set(n).count
        // Which of (σ, κ) are free: both, σ only, κ only, neither.
        var shapes: [(sigma: Bool, kappa: Bool)] = [(false, false)]
        if distinct >= 2 { shapes += [(true, false), (false, true)] }
        if distinct >= 3 { shapes.append((true, true)) }
        var best: (fit: USLFit, error: Double)?
        for shape in shapes {
            guard let start = USLFit.linearised(n: n, x: x, sigmaFree: shape.sigma, kappaFree: shape.kappa) else { continue }
            let refined = USLFit.refined(start, n: n, x: x, sigmaFree: shape.sigma, kappaFree: shape.kappa)
            let error = refined.relativeError(n: n, x: x)
            if best == nil || error < best!.error - 1e-15 { best = (refined, error) }
        }
        guard var fit = best?.fit else { return nil }
        fit.rSquared = fit.coefficientOfDetermination(n: n, x: x)
        self = fit
    }

    /// Fits the curve to the tasks-per-second figures of a sweep.
    public init?(fitting points: [SweepPoint]) {
        self.init(concurrency: points.map { Double($0.cap) }, throughput: points.map(\.tasksPerSecond))
    }

    // MARK: - Pieces

    /// Σ ((X − X̂)/X)².
    func relativeError(n: [Double], x: [Double]) -> Double {
        var sum = 0.0
        for (ni, xi) in zip(n, x) {
            let r = (xi - throughput(at: ni)) / xi
            sum += r * r
        }
        return sum
    }

    /// 1 − SS_residual / SS_total on the throughput itself.
    func coefficientOfDetermination(n: [Double], x: [Double]) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        var residual = 0.0, total = 0.0
        for (ni, xi) in zip(n, x) {
            residual += (xi - throughput(at: ni)) * (xi - throughput(at: ni))
            total += (xi - mean) * (xi - mean)
        }
        return total > 0 ? 1 - residual / total : (residual == 0 ? 1 : 0)
    }

    /// The linearised fit, weighted by 1/y² (a relative error on X), with the fixed coefficients
    /// at zero; nil when it gives a negative or non-finite coefficient.
    static func linearised(n: [Double], x: [Double], sigmaFree: Bool, kappaFree: Bool) -> USLFit? {
        var normal = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
        var right = [Double](repeating: 0, count: 3)
        let columns = [true, sigmaFree, kappaFree]
        for (ni, xi) in zip(n, x) {
            let y = ni / xi
            let weight = 1 / (y * y)
            let row = [1, ni - 1, ni * (ni - 1)].enumerated().map { columns[$0.offset] ? $0.element : 0 }
            for i in 0..<3 {
                right[i] += weight * row[i] * y
                for j in 0..<3 { normal[i][j] += weight * row[i] * row[j] }
            }
        }
        for i in 0..<3 where !columns[i] { normal[i][i] = 1 }
        guard let solution = solve(normal, right), solution[0] > 0, solution.allSatisfy(\.isFinite) else { return nil }
        let lambda = 1 / solution[0]
        let sigma = solution[1] * lambda, kappa = solution[2] * lambda
        guard sigma >= 0, kappa >= 0 else { return nil }
        return USLFit(lambda: lambda, sigma: sigma, kappa: kappa)
    }

    /// Levenberg–Marquardt on the relative residuals from `start`, keeping σ and κ ≥ 0 and the
    /// fixed ones at zero.
    static func refined(_ start: USLFit, n: [Double], x: [Double], sigmaFree: Bool, kappaFree: Bool) -> USLFit {
        var current = start
        var error = current.relativeError(n: n, x: x)
        var damping = 1e-3
        let free = [true, sigmaFree, kappaFree]
        for _ in 0..<200 {
            var jtj = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
            var jtr = [Double](repeating: 0, count: 3)
            for (ni, xi) in zip(n, x) {
                let d = 1 + current.sigma * (ni - 1) + current.kappa * ni * (ni - 1)
                let f = current.lambda * ni / d
                // ∂X̂/∂λ, ∂X̂/∂σ, ∂X̂/∂κ, over X for the relative residual.
                let gradient = [ni / d, -current.lambda * ni * (ni - 1) / (d * d), -current.lambda * ni * ni * (ni - 1) / (d * d)]
                    .enumerated().map { free[$0.offset] ? $0.element / xi : 0 }
                let r = (xi - f) / xi
                for i in 0..<3 {
                    jtr[i] += gradient[i] * r
                    for j in 0..<3 { jtj[i][j] += gradient[i] * gradient[j] }
                }
            }
            var system = jtj
            for i in 0..<3 { system[i][i] = free[i] ? jtj[i][i] * (1 + damping) + 1e-300 : 1 }
            guard let step = solve(system, jtr) else { break }
            let candidate = USLFit(lambda: max(1e-12, current.lambda + step[0]),
                                   sigma: sigmaFree ? max(0, current.sigma + step[1]) : 0,
                                   kappa: kappaFree ? max(0, current.kappa + step[2]) : 0)
            let candidateError = candidate.relativeError(n: n, x: x)
            if candidateError < error {
                let gain = error - candidateError
                current = candidate
                error = candidateError
                damping = max(1e-12, damping / 3)
                if gain < 1e-15 * max(1, error) { break }
            } else {
                damping *= 4
                if damping > 1e12 { break }
            }
        }
        return current
    }

    /// The solution of the square system `a` · s = `b` by Gaussian elimination with partial
    /// pivoting; nil when it is singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a, v = b
        let size = v.count
        for column in 0..<size {
            var pivot = column
            for row in column..<size where abs(m[row][column]) > abs(m[pivot][column]) { pivot = row }
            guard abs(m[pivot][column]) > 1e-300 else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<size {
                let factor = m[row][column] / m[column][column]
                for k in column..<size { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var s = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<size { sum -= m[row][k] * s[k] }
            s[row] = sum / m[row][row]
        }
        return s
    }
}
