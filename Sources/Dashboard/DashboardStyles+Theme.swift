import TerminalUI

extension DashboardStyles {
    /// The dashboard's styles in `theme`.
    ///
    /// Strong markers (the PAUSED banner) use the warning color as a background, or reverse video
    /// when the theme has no colors (monochrome), so they stand out either way.
    init(theme: Theme) {
        let colorless = theme.color(.warning) == .default
        let banner = colorless
            ? Style(attributes: [.bold, .reverse])
            : Style(foreground: theme.color(.background) == .default ? .rgb(0, 0, 0) : theme.color(.background),
                    background: theme.color(.warning), attributes: [.bold])
        let heatLevels: [Style] = [theme.style(.slotIdle)] + [0.25, 0.5, 0.75, 1.0].map { theme.gradientStyle(.cpu, at: $0) }
        self.init(
            text: theme.style(.text),
            muted: theme.style(.dimText),
            title: theme.style(.title),
            border: theme.style(.border),
            poolBorder: theme.style(.cpuBox),
            flowBorder: theme.style(.netBox),
            contentionBorder: theme.style(.memBox),
            processBorder: theme.style(.procBox),
            highlight: theme.style(.accent),
            key: theme.style(.highlight),
            warning: theme.style(.warning),
            error: theme.style(.error),
            ok: theme.style(.ok),
            banner: banner,
            selection: theme.style(.selectionBackground).adding([.bold, .underline]),
            overlay: theme.style(.background),
            idleSlot: theme.style(.slotIdle),
            startingSlot: theme.style(.slotStarting),
            retiringSlot: theme.style(.slotRetiring),
            lockWaitSlot: theme.style(.slotLockWait),
            lockHoldSlot: theme.style(.slotLockHold),
            crashedSlot: theme.style(.slotCrashed),
            emptySlot: theme.style(.background),
            requestPalette: (0..<Theme.requestPaletteSize).map { theme.requestStyle($0) },
            heat: heatLevels,
            queueGraph: theme.gradientStyle(.queue, at: 0.5),
            tasksGraph: theme.gradientStyle(.throughput, at: 0.5),
            requestsGraph: theme.gradientStyle(.throughput, at: 1),
            lockGraph: theme.gradientStyle(.lock, at: 0.5),
            gaugeFilled: theme.gradientStyle(.queue, at: 1),
            gaugeEmpty: theme.style(.meterBackground)
        )
    }
}

extension Style {
    /// The style with `extra` attributes added.
    fileprivate func adding(_ extra: TextAttributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(extra))
    }
}
