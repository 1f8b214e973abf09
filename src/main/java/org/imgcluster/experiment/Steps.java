package org.imgcluster.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.imgcluster.cluster.AgglomerativeClustering;
import org.imgcluster.cluster.Clusterer;
import org.imgcluster.cluster.DeepEmbeddedClustering;
import org.imgcluster.cluster.GaussianMixture;
import org.imgcluster.cluster.GaussianMixtureMml;
import org.imgcluster.cluster.KMeans;
import org.imgcluster.cluster.MiniBatchKMeans;
import org.imgcluster.cluster.SpectralClustering;
import org.imgcluster.data.BadInputException;
import org.imgcluster.data.EnumNames;
import org.imgcluster.features.Autoencoder;
import org.imgcluster.features.AutoencoderArchitecture;
import org.imgcluster.features.CnnFeatures;
import org.imgcluster.features.ComponentCount;
import org.imgcluster.features.EmbeddingMethod;
import org.imgcluster.features.FeatureExtractor;
import org.imgcluster.features.InitialWeights;
import org.imgcluster.features.Isomap;
import org.imgcluster.features.Nmf;
import org.imgcluster.features.NmfInit;
import org.imgcluster.features.NmfSolverKind;
import org.imgcluster.features.Optimizer;
import org.imgcluster.features.Pca;
import org.imgcluster.features.Raw;
import org.imgcluster.features.Tsne;
import org.imgcluster.features.Umap;
import org.imgcluster.semi.LabelSpreading;

/**
 * Builds the feature extractors and algorithms a config names, with scikit-learn's parameter names and defaults.
 * Building validates every parameter (the constructors check their ranges), so a bad config fails before any work.
 */
final class Steps {
    static final List<String> FEATURE_TYPES = List.of("raw", "pca", "nmf", "autoencoder", "cnn", "tsne", "umap",
            "isomap");
    static final List<String> EMBEDDING_TYPES = List.of("pca", "tsne", "umap", "isomap");
    static final List<String> ALGORITHM_TYPES = List.of("kmeans", "minibatch_kmeans", "kmeans_sweep", "gmm", "gmm_mml",
            "agglomerative", "spectral", "label_spreading", "dec", "idec");

    private Steps() {
    }

    /** What an algorithm entry runs: one clusterer fitted once, or a k-means sweep over a range of k. */
    sealed interface Algorithm {
    }

    record Fit(Clusterer clusterer) implements Algorithm {
    }

    /** Label spreading from a seeded random share of the true labels. */
    record Spread(LabelSpreading spreading, double labeledFraction, long seed) implements Algorithm {
        Spread {
            if (!(labeledFraction > 0 && labeledFraction <= 1)) {
                throw new BadInputException("labeled_fraction = " + labeledFraction + " must lie in (0, 1]");
            }
        }
    }

    /** DEC or IDEC: fine-tunes the autoencoder of the feature entry it runs on, from the images. */
    record Deep(DeepEmbeddedClustering clustering) implements Algorithm {
    }

    /** @param silhouetteSample 0: none, -1: exact, n: sampled from n points */
    record Sweep(KMeans base, int from, int to, int silhouetteSample) implements Algorithm {
        Sweep {
            KMeansSweep.requireRange(from, to, silhouetteSample);
        }
    }

    /** What a feature entry builds: an extractor of the pixels alone, or a network trained (or loaded) by the run. */
    sealed interface Features {
    }

    record Plain(FeatureExtractor extractor) implements Features {
    }

    /** @param load a model saved earlier to use instead of training one; null to train */
    record AutoencoderStep(Autoencoder autoencoder, Path load) implements Features {
    }

    /** @param load a model saved earlier to use instead of training one; null to train */
    record CnnStep(CnnFeatures cnn, Path load) implements Features {
    }

    /**
     * A feature entry followed by another that is fitted on its output, written {@code then: {type: ...}}: N2D's
     * autoencoder codes, then UMAP of the codes.
     */
    record Chain(Features first, Features then) implements Features {
    }

    static Features feature(Step step, long seed) {
        Params p = step.params();
        return checked(p, () -> {
            Features own = own(step, p, seed);
            if (!p.has("then")) {
                return own;
            }
            List<Step> next = Step.expand(p.value("then", null), p.where() + ".then");
            if (next.size() != 1) {
                throw new ConfigException(p.where() + ".then: a step that follows another cannot sweep");
            }
            if (next.get(0).type().equals("cnn")) {
                throw new ConfigException(p.where() + ".then: cnn trains on the images, so it cannot follow another "
                        + "step");
            }
            return new Chain(own, feature(next.get(0), seed));
        });
    }

    private static Features own(Step step, Params p, long seed) {
        return switch (step.type()) {
            case "raw" -> new Plain(new Raw());
            case "pca" -> new Plain(new Pca(componentCount(p, p.value("n_components", "all")), false)
                    .withWhiten(p.flag("whiten", false)));
            case "nmf" -> new Plain(new Nmf(p.integer("n_components", null),
                    NmfInit.parse(p.text("init", "nndsvda", List.of())),
                    NmfSolverKind.parse(p.text("solver", "cd", EnumNames.all(NmfSolverKind.class))),
                    p.integer("max_iter", 200),
                    p.real("tol", 1e-4), p.integerLong("seed", seed)));
            case "autoencoder" -> {
                AutoencoderArchitecture architecture = AutoencoderArchitecture.parse(
                        p.text("architecture", AutoencoderArchitecture.DENSE32.key(), List.of("dense32", "dec")));
                yield new AutoencoderStep(new Autoencoder(architecture, p.integer("epochs", 60),
                        p.integer("batch_size", architecture.defaultBatchSize()), optimizer(p),
                        InitialWeights.parse(p.text("weight_init", InitialWeights.GLOROT_UNIFORM.toString(),
                                EnumNames.all(InitialWeights.class))),
                        p.real("l2", architecture.defaultL2()), p.real("activity_l2", architecture.defaultActivityL2()),
                        p.integerLong("seed", seed)), load(p));
            }
            // An embedding as features clusters the embedded rows; it has no map for other rows (see Embedding).
            case "tsne", "umap", "isomap" -> new Plain(embedder(step.type(), p.integer("n_components", 2), p, seed));
            case "cnn" -> new CnnStep(new CnnFeatures(p.integer("epochs", 10), p.integer("batch_size", 32),
                    p.real("learning_rate", 1e-3), p.real("validation_fraction", 0.2), p.integerLong("seed", seed)),
                    load(p));
            default -> throw new ConfigException(p.where() + ": unknown feature type '" + step.type() + "'; known: "
                    + String.join(", ", FEATURE_TYPES));
        };
    }

    /**
     * Builds a step, then refuses keys nobody read. The constructors' own checks name the parameter and the allowed
     * values; the config file and entry are added in front.
     */
    private static <T> T checked(Params p, Supplier<T> build) {
        T out;
        try {
            out = build.get();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(p.where() + ": " + e.getMessage());
        }
        p.requireAllRead();
        return out;
    }

    /** The autoencoder's optimizer: adam (learning_rate 0.001) or nesterovs (learning_rate 0.1, momentum 0.9). */
    private static Optimizer optimizer(Params p) {
        Optimizer.Kind kind = Optimizer.Kind.parse(p.text("optimizer", "adam", EnumNames.all(Optimizer.Kind.class)));
        boolean adam = kind == Optimizer.Kind.ADAM;
        return new Optimizer(kind, p.real("learning_rate", adam ? 1e-3 : 0.1), p.real("momentum", adam ? 0 : 0.9));
    }

    private static Path load(Params p) {
        String file = p.text("load", "", List.of());
        return file.isEmpty() ? null : Path.of(file);
    }

    private static ComponentCount componentCount(Params p, Object n) {
        try {
            return ComponentCount.parse(String.valueOf(n));
        } catch (IllegalArgumentException e) {
            throw p.bad("n_components", n, "a whole number, a variance fraction in (0, 1), or all");
        }
    }

    /**
     * A 2-D or 3-D picture of one feature set's training rows, drawn coloured by true class and by each algorithm's
     * clusters on that feature set.
     *
     * @param method PCA or an {@link EmbeddingMethod}
     * @param on the label of the feature entry it embeds; null for the first
     */
    record EmbeddingPlot(FeatureExtractor method, int dimensions, String on) {
    }

    static EmbeddingPlot embedding(Step step, long seed) {
        Params p = step.params();
        return checked(p, () -> {
            int k = p.integer("n_components", 2);
            if (k != 2 && k != 3) {
                throw p.bad("n_components", k, "2 or 3 (a picture)");
            }
            FeatureExtractor method = step.type().equals("pca") ? Pca.of(k) : embedder(step.type(), k, p, seed);
            String on = p.text("on", "", List.of());
            return new EmbeddingPlot(method, k, on.isEmpty() ? null : on);
        });
    }

    /** t-SNE, UMAP or Isomap to k dimensions, with scikit-learn's and umap-learn's parameter names and defaults. */
    private static EmbeddingMethod embedder(String type, int k, Params p, long seed) {
        long s = p.integerLong("seed", seed);
        return switch (type) {
            case "tsne" -> Tsne.of(k).withPerplexity(p.real("perplexity", 30.0)).withMaxIter(p.integer("max_iter", 1000))
                    .withSubsample(p.integer("subsample", Tsne.DEFAULT_SUBSAMPLE)).withSeed(s);
            case "umap" -> Umap.of(k).withNNeighbors(p.integer("n_neighbors", 15)).withMinDist(p.real("min_dist", 0.1))
                    .withSeed(s);
            case "isomap" -> Isomap.of(k).withNNeighbors(p.integer("n_neighbors", 5))
                    .withSubsample(p.integer("subsample", Isomap.DEFAULT_SUBSAMPLE)).withSeed(s);
            default -> throw new ConfigException(p.where() + ": unknown embedding type '" + type + "'; known: "
                    + String.join(", ", EMBEDDING_TYPES));
        };
    }

    static Algorithm algorithm(Step step, long seed) {
        Params p = step.params();
        return checked(p, () -> switch (step.type()) {
            case "kmeans" -> new Fit(new KMeans(p.integer("k", null), p.integer("n_init", 1),
                    p.integer("max_iter", 300), p.real("tol", 1e-4), p.integerLong("seed", seed)));
            case "minibatch_kmeans" -> new Fit(new MiniBatchKMeans(p.integer("k", null),
                    p.integer("batch_size", 1024), p.integer("max_iter", 100), p.integer("n_init", 3),
                    p.integer("max_no_improvement", 10), p.real("reassignment_ratio", 0.01),
                    p.integerLong("seed", seed)));
            case "kmeans_sweep" -> {
                int[] k = p.range("k");
                KMeans base = new KMeans(Math.max(1, k[0]), p.integer("n_init", 1), p.integer("max_iter", 300),
                        p.real("tol", 1e-4), p.integerLong("seed", seed));
                int sample = p.flag("silhouette", false) ? p.integer("silhouette_sample", -1) : 0;
                yield new Sweep(base, k[0], k[1], sample);
            }
            case "gmm" -> new Fit(GaussianMixture.of(p.integer("n_components", null))
                    .withCovarianceType(p.text("covariance_type", "full", List.of()))
                    .withTol(p.real("tol", 1e-3)).withRegCovar(p.real("reg_covar", 1e-6))
                    .withMaxIter(p.integer("max_iter", 100)).withNInit(p.integer("n_init", 1))
                    .withInitParams(p.text("init_params", "kmeans", List.of()))
                    .withSeed(p.integerLong("seed", seed)));
            case "gmm_mml" -> new Fit(GaussianMixtureMml.of(p.integer("k_max", 30))
                    .withKMin(p.integer("k_min", 1))
                    .withCovarianceType(p.text("covariance_type", "full", List.of()))
                    .withTol(p.real("tol", 1e-5)).withRegCovar(p.real("reg_covar", 1e-6))
                    .withMaxIter(p.integer("max_iter", 1000)).withSeed(p.integerLong("seed", seed)));
            case "agglomerative" -> new Fit(AgglomerativeClustering.of(p.integer("n_clusters", null))
                    .withLinkage(p.text("linkage", "ward", List.of())));
            case "spectral" -> new Fit(SpectralClustering.of(p.integer("n_clusters", null))
                    .withAffinity(p.text("affinity", "nearest_neighbors", List.of()))
                    .withNNeighbors(p.integer("n_neighbors", 10)).withGamma(p.real("gamma", 1.0))
                    .withNInit(p.integer("n_init", 10)).withSeed(p.integerLong("seed", seed)));
            case "label_spreading" -> new Spread(new LabelSpreading(
                    LabelSpreading.Kernel.parse(p.text("kernel", "knn", EnumNames.all(LabelSpreading.Kernel.class))),
                    p.integer("n_neighbors", 7), p.real("gamma", 20.0), p.real("alpha", 0.2),
                    p.integer("max_iter", 30), p.real("tol", 1e-3)), p.real("labeled_fraction", 0.1),
                    p.integerLong("seed", seed));
            case "dec", "idec" -> new Deep(deep(step.type(), p, seed));
            default -> throw new ConfigException(p.where() + ": unknown algorithm type '" + step.type()
                    + "'; known: " + String.join(", ", ALGORITHM_TYPES));
        });
    }

    /** DEC or IDEC with its paper's settings as defaults; IDEC's {@code gamma} weighs its clustering loss. */
    private static DeepEmbeddedClustering deep(String type, Params p, long seed) {
        int k = p.integer("k", null);
        DeepEmbeddedClustering paper = type.equals("dec") ? DeepEmbeddedClustering.dec(k)
                : DeepEmbeddedClustering.idec(k);
        double gamma = type.equals("dec") ? paper.gamma() : p.real("gamma", paper.gamma());
        return new DeepEmbeddedClustering(k, gamma, paper.reconstructionWeight(),
                p.integer("update_interval", paper.updateInterval()), p.real("tol", paper.tol()),
                p.integer("max_iter", paper.maxIter()), p.integer("batch_size", paper.batchSize()),
                p.real("learning_rate", paper.learningRate()), p.integer("n_init", paper.nInit()),
                p.integerLong("seed", seed));
    }

    /**
     * Refuses DEC or IDEC beside a feature entry that is not an autoencoder: they fine-tune the autoencoder of the
     * entry they run on.
     */
    static void requireAutoencoders(List<Step> features, List<Step> algorithms, long seed) {
        for (Step a : algorithms) {
            if (algorithm(a, seed) instanceof Deep) {
                for (Step f : features) {
                    if (!(feature(f, seed) instanceof AutoencoderStep)) {
                        throw new ConfigException(a.params().where() + ": " + a.type() + " fine-tunes an autoencoder,"
                                + " so every features entry must be type: autoencoder (without then); " + f.label()
                                + " is not");
                    }
                }
            }
        }
    }
}
