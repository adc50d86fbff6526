import PoolCore
import Sizing
import Testing

/// The USL fit recovers the coefficients of curves made from known ones.
@Suite struct USLFitTests {
    static let caps: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]

    /// Points on the curve with (λ, σ, κ), each multiplied by 1 + `noise[i]`.
    func points(lambda: Double, sigma: Double, kappa: Double, noise: [Double] = []) -> [Double] {
        let curve = USLFit(lambda: lambda, sigma: sigma, kappa: kappa)
        return USLFitTests.caps.enumerated().map { index, n in
            curve.throughput(at: n) * (1 + (index < noise.count ? noise[index] : 0))
        }
    }

    @Test(arguments: [(100.0, 0.05, 0.001), (50.0, 0.0, 0.0), (49.5, 0.02, 0.0), (1000.0, 0.3, 0.0002), (80.0, 0.0, 0.00005)])
    func recoversExactCoefficients(lambda: Double, sigma: Double, kappa: Double) throws {
        let fit = try #require(USLFit(concurrency: USLFitTests.caps, throughput: points(lambda: lambda, sigma: sigma, kappa: kappa)))
        #expect(abs(fit.lambda - lambda) / lambda < 1e-6)
        #expect(abs(fit.sigma - sigma) < 1e-6)
        #expect(abs(fit.kappa - kappa) < 1e-8)
        #expect(fit.rSquared > 0.999_999)
    }

    @Test func recoversCoefficientsFromNoisyPoints() throws {
        // ±3 % of deterministic noise, alternating in sign so it cannot fake a trend.
        let noise = [0.02, -0.03, 0.01, -0.02, 0.03, -0.01, 0.02, -0.03, 0.01]
        let fit = try #require(USLFit(concurrency: USLFitTests.caps, throughput: points(lambda: 100, sigma: 0.05, kappa: 0.001, noise: noise)))
        #expect(abs(fit.lambda - 100) < 5)
        #expect(abs(fit.sigma - 0.05) < 0.02)
        #expect(abs(fit.kappa - 0.001) < 0.0003)
        let peak = try #require(fit.peakConcurrency)
        #expect(abs(peak - (0.95 / 0.001).squareRoot()) < 5)
    }

    @Test func keepsCoefficientsNonNegativeForSuperlinearPoints() throws {
        // Throughput growing faster than linear would need σ < 0: the fit stays at σ = κ = 0.
        let fit = try #require(USLFit(concurrency: [1, 2, 4, 8], throughput: [10, 21, 44, 92]))
        #expect(fit.sigma == 0)
        #expect(fit.kappa == 0)
        #expect(fit.lambda > 10 && fit.lambda < 12)
    }

    @Test func aPlateauIsContentionWithoutAPeak() throws {
        // Arrival-limited: linear up to 20 workers, flat beyond (the I/O sweep with a 1 s window).
        let caps: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
        let measured = caps.map { min(50 * $0, 1000) }
        let fit = try #require(USLFit(concurrency: caps, throughput: measured))
        #expect(fit.sigma > 0.01)
        #expect(fit.throughput(at: 256) > 800 && fit.throughput(at: 256) < 1200)
    }

    @Test func peakAndCeilingFollowTheCoefficients() {
        #expect(USLFit(lambda: 10, sigma: 0.1, kappa: 0.01).peakConcurrency == (0.9 / 0.01).squareRoot())
        #expect(USLFit(lambda: 10, sigma: 0.1, kappa: 0).peakConcurrency == nil)
        #expect(USLFit(lambda: 10, sigma: 0.1, kappa: 0).throughputCeiling == 100)
        #expect(USLFit(lambda: 10, sigma: 0, kappa: 0).throughputCeiling == nil)
    }

    @Test func fewPointsFitFewerCoefficients() throws {
        let one = try #require(USLFit(concurrency: [4], throughput: [40]))
        #expect(abs(one.lambda - 10) < 1e-9 && one.sigma == 0 && one.kappa == 0)
        #expect(USLFit(concurrency: [], throughput: []) == nil)
        #expect(USLFit(concurrency: [1, 2], throughput: [0, -1]) == nil)
    }
}
