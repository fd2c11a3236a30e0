package io.latentbench.workbench.bench;

/**
 * One of {@code count} disjoint parts of a plan, {@code index} counted from 1 as on the
 * command line ({@code --shard 2/4}). Point {@code p} of the sorted plan belongs to shard
 * {@code p % count + 1}: round robin, so that every shard gets a share of each suite.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count
                    + " does not exist; expected i/n with 1 <= i <= n, e.g. 2/4");
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("shard '" + text + "' is not of the form i/n, e.g. 2/4");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + text + "' is not of the form i/n with whole numbers, e.g. 2/4");
        }
    }

    public boolean contains(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
