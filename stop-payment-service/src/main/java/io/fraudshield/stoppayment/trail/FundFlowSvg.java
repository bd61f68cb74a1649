package io.fraudshield.stoppayment.trail;

import java.util.ArrayList;
import java.util.List;

/**
 * The fund-flow tree as an SVG an officer reads at a glance (pure): one column per layer, one box per account
 * with requested / stopped / frozen / refunded / missing, arrows along the money. Green: nothing missing;
 * amber: part held; red: nothing held. Only masked account numbers and institution codes appear.
 */
public final class FundFlowSvg {

    private static final int BOX_WIDTH = 230;
    private static final int BOX_HEIGHT = 92;
    private static final int COLUMN = 280;
    private static final int ROW = 110;
    private static final int TOP = 70;

    private FundFlowSvg() {
    }

    public static String render(FundFlowView flow) {
        List<Placed> placed = new ArrayList<>();
        int[] nextRow = {0};
        for (FundFlowView.Node root : flow.roots()) {
            place(root, null, placed, nextRow);
        }
        int layers = placed.stream().mapToInt(p -> p.node.layer()).max().orElse(1);
        int width = 40 + layers * COLUMN;
        int height = TOP + Math.max(1, nextRow[0]) * ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>Fund flow of case ").append(escape(flow.caseNumber())).append("</title>\n");
        FundFlowView.Totals t = flow.totals();
        text(svg, 20, 24, 16, "bold", "Case " + flow.caseNumber());
        text(svg, 20, 46, 13, "normal", "requested " + t.requested() + " · stopped " + t.stopped() + " · frozen " + t.frozen()
                + " · refunded " + t.refunded() + " · missing " + t.missing() + " CNY");
        for (Placed p : placed) {
            if (p.parent != null) {
                svg.append("<path d=\"M").append(p.parent.x + BOX_WIDTH).append(',').append(p.parent.y + BOX_HEIGHT / 2)
                        .append(" C").append(p.parent.x + BOX_WIDTH + 25).append(',').append(p.parent.y + BOX_HEIGHT / 2)
                        .append(' ').append(p.x - 25).append(',').append(p.y + BOX_HEIGHT / 2).append(' ')
                        .append(p.x).append(',').append(p.y + BOX_HEIGHT / 2)
                        .append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/>\n");
            }
        }
        for (Placed p : placed) {
            FundFlowView.Node n = p.node;
            svg.append("<rect x=\"").append(p.x).append("\" y=\"").append(p.y).append("\" width=\"").append(BOX_WIDTH)
                    .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(fill(n))
                    .append("\" stroke=\"#333\"/>\n");
            text(svg, p.x + 8, p.y + 17, 12, "bold", "L" + n.layer() + " " + n.institution() + " " + n.accountMasked());
            text(svg, p.x + 8, p.y + 35, 11, "normal", "requested " + n.requested());
            text(svg, p.x + 8, p.y + 51, 11, "normal", "stopped " + n.stopped() + " · frozen " + n.frozen());
            text(svg, p.x + 8, p.y + 67, 11, "normal", "refunded " + n.refunded());
            text(svg, p.x + 8, p.y + 83, 11, "bold", "missing " + n.missing()
                    + (n.notFollowed().isEmpty() ? "" : " · " + n.notFollowed().size() + " not followed"));
        }
        return svg.append("</svg>\n").toString();
    }

    private static Placed place(FundFlowView.Node node, Placed parent, List<Placed> placed, int[] nextRow) {
        int x = 20 + (node.layer() - 1) * COLUMN;
        Placed self = new Placed(node, parent, x, 0);
        placed.add(self);
        if (node.children().isEmpty()) {
            self.y = TOP + nextRow[0]++ * ROW;
            return self;
        }
        List<Placed> children = new ArrayList<>();
        for (FundFlowView.Node child : node.children()) {
            children.add(place(child, self, placed, nextRow));
        }
        self.y = (children.get(0).y + children.get(children.size() - 1).y) / 2;
        return self;
    }

    private static String fill(FundFlowView.Node node) {
        if (node.missing().signum() == 0) {
            return "#d8f0d8";
        }
        return node.missing().compareTo(node.requested()) < 0 ? "#fbe7c0" : "#f6d0d0";
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String content) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\">").append(escape(content)).append("</text>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Placed {
        final FundFlowView.Node node;
        final Placed parent;
        final int x;
        int y;

        Placed(FundFlowView.Node node, Placed parent, int x, int y) {
            this.node = node;
            this.parent = parent;
            this.x = x;
            this.y = y;
        }
    }
}
