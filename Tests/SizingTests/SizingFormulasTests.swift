import Sizing
import Testing

@Suite("Little's law and Goetz's pool size")
struct SizingFormulasTests {
    @Test("the sizing formulas")
    func formulas() {
        #expect(SizingFormulas.littlesLaw(arrivalRate: 500, meanSeconds: 0.2) == 100)
        #expect(SizingFormulas.suggestedPoolSize(cores: 2, blockedNanos: 50_000_000, computeNanos: 1_000_000) == 102)
        #expect(SizingFormulas.suggestedPoolSize(cores: 4, blockedNanos: 0, computeNanos: 1_000) == 4)
        #expect(SizingFormulas.suggestedPoolSize(cores: 2, blockedNanos: 10, computeNanos: 0) == nil)
    }
}
