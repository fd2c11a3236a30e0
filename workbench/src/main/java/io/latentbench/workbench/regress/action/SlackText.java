package io.latentbench.workbench.regress.action;

/**
 * The one escaper for Slack message text (mrkdwn): '&', '<' and '>' are its only escapes, and a raw '<'
 * would open a link or an @channel mention; a line break in an id would start a line of its own.
 */
final class SlackText {

    private SlackText() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
