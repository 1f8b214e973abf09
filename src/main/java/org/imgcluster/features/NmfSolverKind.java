package org.imgcluster.features;

import org.imgcluster.data.EnumNames;

/** How an {@link Nmf} updates its factors between products with the data (see {@link NmfSolver}). */
public enum NmfSolverKind {
    /** scikit-learn's coordinate descent: one sweep over W, then one over H, per pair of products. */
    CD,
    /**
     * The same sweeps, repeated after each product while they still change the factor (Gillis and Glineur's
     * accelerated HALS): about a third of the products for the same stopping rule.
     */
    ACCELERATED_CD;

    /** The configuration name, e.g. {@code accelerated_cd}. */
    @Override
    public String toString() {
        return EnumNames.of(this);
    }

    /** The solver by its configuration name (case-insensitive). */
    public static NmfSolverKind parse(String text) {
        return EnumNames.parse(NmfSolverKind.class, "solver", text);
    }
}
