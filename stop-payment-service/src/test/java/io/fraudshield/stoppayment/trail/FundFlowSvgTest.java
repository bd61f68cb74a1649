package io.fraudshield.stoppayment.trail;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundFlowSvgTest {

    private static FundFlowView.Node node(int layer, String institution, String requested, String missing, FundFlowView.Node... children) {
        BigDecimal zero = new BigDecimal("0.00");
        return new FundFlowView.Node(institution, "6217***********5671", layer, new BigDecimal(requested), zero, zero, zero,
                new BigDecimal(missing), List.of(), List.of(), List.of(children));
    }

    @Test
    void oneBoxPerAccountOneArrowPerTransferColouredByWhatIsMissing() {
        FundFlowView flow = new FundFlowView("GA<1>&2", new FundFlowView.Totals(new BigDecimal("100.00"), new BigDecimal("60.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("40.00")),
                List.of(node(1, "B1", "100.00", "40.00", node(2, "B2", "30.00", "0.00"), node(2, "B3", "10.00", "10.00"))));
        String svg = FundFlowSvg.render(flow);
        assertEquals(3, svg.split("<rect ").length - 1);
        assertEquals(2, svg.split("<path ").length - 1);
        assertTrue(svg.contains("#fbe7c0") && svg.contains("#d8f0d8") && svg.contains("#f6d0d0"), "amber, green, red");
        assertTrue(svg.contains("Case GA&lt;1&gt;&amp;2") && !svg.contains("GA<1>"), "text is escaped");
        assertTrue(svg.contains("missing 40.00 CNY"));
    }
}
