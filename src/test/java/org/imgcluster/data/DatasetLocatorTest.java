package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.imgcluster.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
    @TempDir
    Path tmp;

    private static void copyMnist(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[] {"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }

    @Test
    void embeddedCopyIsTheLastResortAndHoldsOnlyTheTestSplit() {
        DatasetLocator empty = new DatasetLocator(null, null, tmp.resolve("home"), tmp.resolve("cache"));
        DatasetSpec mnist = DatasetRegistry.get("mnist");
        var found = empty.find(mnist, Split.TEST).orElseThrow();
        assertThat(found.isEmbedded()).isTrue();
        ImageSet set = found.load();
        assertThat(set.size()).isEqualTo(10_000);
        // The first test digit of MNIST is a 7, the second a 2.
        assertThat(set.label(0)).isEqualTo(7);
        assertThat(set.label(1)).isEqualTo(2);
        assertThat(empty.find(mnist, Split.TRAIN)).isEmpty();
        assertThat(empty.find(DatasetRegistry.get("cifar10"), Split.TEST)).isEmpty();
        assertThatThrownBy(() -> empty.require(mnist, Split.TRAIN)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mnist train split not found (looked in " + tmp.resolve("cache/mnist"))
                .hasMessageContaining("imgcluster fetch mnist").hasMessageContaining("--split test");
    }

    @Test
    void dataDirComesBeforeEnvironmentBeforeCache() throws IOException {
        Path shared = TestData.sharedDatasets();
        Path option = tmp.resolve("option");
        Path env = tmp.resolve("env");
        Path cache = tmp.resolve("cache");
        copyMnist(shared.resolve("mnist"), option.resolve("mnist"));
        copyMnist(shared.resolve("mnist"), env.resolve("mnist"));
        copyMnist(shared.resolve("mnist"), cache.resolve("mnist"));
        DatasetSpec mnist = DatasetRegistry.get("mnist");
        assertThat(new DatasetLocator(option, env, tmp, cache).require(mnist, Split.TEST).dir())
                .isEqualTo(option.resolve("mnist"));
        assertThat(new DatasetLocator(null, env, tmp, cache).require(mnist, Split.TEST).origin())
                .isEqualTo(DatasetLocator.ENV_DATA);
        assertThat(new DatasetLocator(null, null, tmp, cache).require(mnist, Split.TEST).origin()).isEqualTo("user cache");
        // A folder that holds the files directly works as well as one with a mnist/ subfolder.
        assertThat(new DatasetLocator(option.resolve("mnist"), null, tmp, cache).require(mnist, Split.TEST).dir())
                .isEqualTo(option.resolve("mnist"));
    }

    @Test
    void sharedDatasetsResolveBothSplitsWithTheRightSizes() {
        DatasetLocator locator = new DatasetLocator(TestData.sharedDatasets(), null, tmp, tmp.resolve("cache"));
        for (String name : new String[] {"mnist", "fashion-mnist"}) {
            DatasetSpec spec = DatasetRegistry.get(name);
            for (Split split : Split.values()) {
                ImageSet set = locator.require(spec, split).load();
                assertThat(set.size()).isEqualTo(spec.imageCounts().get(split));
                assertThat(set.classNames()).isEqualTo(spec.classNames());
            }
        }
    }

    @Test
    void kerasCifarFolderIsFound() throws IOException {
        Path keras = tmp.resolve("home/.keras/datasets/cifar-10-batches-py");
        Files.createDirectories(keras);
        ImageSet images = RandomImages.create(10, 32, 32, 3, 10, 7);
        CifarPickleWriter.writeSplit(keras, Split.TEST, images, CifarPickleWriter.Dialect.PYTHON2);
        var found = new DatasetLocator(null, null, tmp.resolve("home"), tmp.resolve("cache"))
                .require(DatasetRegistry.get("cifar10"), Split.TEST);
        assertThat(found.origin()).isEqualTo("Keras cache");
        assertThat(found.load().pixels()).isEqualTo(images.pixels());
    }
}
