package org.imgcluster.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The datasets imgcluster knows by name, with canonical download URLs and SHA-256 sums. */
public final class DatasetRegistry {
    private DatasetRegistry() {
    }

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    // Sizes and SHA-256 sums as published in TensorFlow Datasets' url_checksums for these exact URLs.
    private static final String MNIST_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final String FASHION_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    private static final List<DatasetSpec> ALL = List.of(
            new DatasetSpec("mnist", "MNIST handwritten digits", DatasetSpec.Format.IDX, DIGITS,
                    Map.of(Split.TRAIN, 60_000, Split.TEST, 10_000),
                    List.of(new RemoteFile("train-images-idx3-ubyte.gz", MNIST_URL + "train-images-idx3-ubyte.gz",
                                    9_912_422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                            new RemoteFile("train-labels-idx1-ubyte.gz", MNIST_URL + "train-labels-idx1-ubyte.gz",
                                    28_881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                            new RemoteFile("t10k-images-idx3-ubyte.gz", MNIST_URL + "t10k-images-idx3-ubyte.gz",
                                    1_648_877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                            new RemoteFile("t10k-labels-idx1-ubyte.gz", MNIST_URL + "t10k-labels-idx1-ubyte.gz",
                                    4_542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
                    "CC BY-SA 3.0 (Y. LeCun, C. Cortes, C. Burges)", true),
            new DatasetSpec("fashion-mnist", "Fashion-MNIST (Zalando)", DatasetSpec.Format.IDX, FASHION_CLASSES,
                    Map.of(Split.TRAIN, 60_000, Split.TEST, 10_000),
                    List.of(new RemoteFile("train-images-idx3-ubyte.gz", FASHION_URL + "train-images-idx3-ubyte.gz",
                                    26_421_880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                            new RemoteFile("train-labels-idx1-ubyte.gz", FASHION_URL + "train-labels-idx1-ubyte.gz",
                                    29_515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                            new RemoteFile("t10k-images-idx3-ubyte.gz", FASHION_URL + "t10k-images-idx3-ubyte.gz",
                                    4_422_102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                            new RemoteFile("t10k-labels-idx1-ubyte.gz", FASHION_URL + "t10k-labels-idx1-ubyte.gz",
                                    5_148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
                    "MIT (Zalando SE)", true),
            new DatasetSpec("cifar10", "CIFAR-10 (Krizhevsky)", DatasetSpec.Format.CIFAR, CifarLoader.DEFAULT_CLASS_NAMES,
                    Map.of(Split.TRAIN, 50_000, Split.TEST, 10_000),
                    List.of(new RemoteFile("cifar-10-binary.tar.gz", "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
                            170_052_171, "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")),
                    "no license stated; cite Krizhevsky (2009), Learning Multiple Layers of Features from Tiny Images",
                    false));

    public static List<DatasetSpec> all() {
        return ALL;
    }

    public static Optional<DatasetSpec> find(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The named dataset, or a BadInputException listing the known names. */
    public static DatasetSpec get(String name) {
        return find(name).orElseThrow(() -> new BadInputException("unknown dataset '" + name + "'; known: "
                + ALL.stream().map(DatasetSpec::name).collect(Collectors.joining(", "))
                + " (or give a path to an IDX, CSV or CIFAR-10 file or folder)"));
    }
}
