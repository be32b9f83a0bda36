package io.alluse.market.history;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A price file was rejected as a whole; nothing of it was imported. Lists every problem found
 * with its line number (1 is the header line; 0 is the file itself, e.g. its name).
 */
public final class PriceHistoryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One problem: the line it is on and what is wrong there. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return line == 0 ? message : "line " + line + ": " + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public PriceHistoryException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or name the data came from. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        String header = source + ": " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                + ", nothing imported";
        return header + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
