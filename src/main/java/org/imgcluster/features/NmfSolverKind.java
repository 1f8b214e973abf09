package org.imgcluster.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.imgcluster.data.BadInputException;

/** How an {@link Nmf} updates its factors between products with the data (see {@link NmfSolver}). */
public enum NmfSolverKind {
    /** scikit-learn's coordinate descent: one sweep over W, then one over H, per pair of products. */
    CD,
    /**
     * The same sweeps, repeated after each product while they still change the factor (Gillis and Glineur's
     * accelerated HALS): about a third of the products for the same stopping rule.
     */
    ACCELERATED_CD;

    static final String ALLOWED = Arrays.stream(values()).map(NmfSolverKind::toString)
            .collect(Collectors.joining(", "));

    /** The configuration name, e.g. {@code accelerated_cd}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The solver by its configuration name (case-insensitive). */
    public static NmfSolverKind parse(String text) {
        for (NmfSolverKind kind : values()) {
            if (kind.toString().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new BadInputException("solver = '" + text + "' is not one of " + ALLOWED);
    }
}
