package org.imgcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.imgcluster.cluster.ClusterFixtures.assertRefusedInOneLine;
import static org.imgcluster.cluster.ClusterFixtures.assertSamePartition;
import static org.imgcluster.cluster.ClusterFixtures.digits;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.imgcluster.metrics.RandIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class AgglomerativeClusteringTest {
    private static final INDArray BLOBS = ClusterFixtures.blobs(200, 1.0).x();

    @Test
    void fixtureIsTheOneThePythonScriptMakes() {
        // x[0] and the sum as src/test/resources/cluster/sklearn_agglomerative_spectral_reference.py printed them.
        assertThat(BLOBS.getRow(0).toDoubleVector()).containsExactly(-0.3658027648925781, 4.911243438720703,
                -5.1348114013671875, -1.46832275390625, 1.0679130554199219);
        assertThat(BLOBS.castTo(DataType.DOUBLE).sumNumber().doubleValue())
                .isCloseTo(72.79502487182617, within(1e-9));
    }

    /** AgglomerativeClustering(k, linkage=...).fit(x).labels_ from sklearn_agglomerative_spectral_reference.py. */
    static Stream<Arguments> sklearnPartitions() {
        return Stream.of(
            Arguments.of("ward", 3,
                    "11200010101001000022112110101210011010101000101211"
                    + "11011000210011101100001010012001110020110100012110"
                    + "00010102211001011102001102110012001120201200210111"
                    + "12000121010020011012001001121210221001002111110022"),
            Arguments.of("ward", 5,
                    "00231141034114111122402001410201300341014331414240"
                    + "00144111203340010411314141142310041321041031142041"
                    + "13301412200314304012310412001342110023214211243400"
                    + "42111424141323300142310134420241224334332400443322"),
            Arguments.of("ward", 8,
                    "54601172507113111166356441724642044032417002327634"
                    + "54133122640074524722023131236015532062431401136531"
                    + "10052326655027057426025316441036124560623612630345"
                    + "36221363132060055236014103765632663003006744330066"),
            Arguments.of("complete", 3,
                    "11020010121001000000110110101010211210101220101011"
                    + "11011000012211101100201010010201110200110120010110"
                    + "02210100011201211100201100110210001102001000012111"
                    + "10000101010202211010201021101010001221220111112200"),
            Arguments.of("complete", 5,
                    "44320040421001000033143110401310241210101220101311"
                    + "44014000312211101400201010013204410230110120013410"
                    + "02240103344204241103204103110213001432301300312114"
                    + "13000131010232244013201024431310331221223111112233"),
            Arguments.of("complete", 8,
                    "00153302054736333711601443034142506562434552434146"
                    + "00360322165544624023524767241570042513443457341067"
                    + "35502421100520504421520471443561724015126132165460"
                    + "61227614362515500261534750016142116554551446445511"),
            Arguments.of("average", 3,
                    "11200010101001000022112110101210011010101000101211"
                    + "11011000210011101100001010012001110020110100012110"
                    + "00010102211001011102001102110012001120201200210111"
                    + "12000121010020011012001001121210221001002111110022"),
            Arguments.of("average", 5,
                    "00432202030220222214004002020402300302020332020400"
                    + "00200222403300020022320202204320002342002032204002"
                    + "23302024400320300024320024002304220043120422403000"
                    + "04222040202343300204320230040402440330334000003344"),
            Arguments.of("average", 8,
                    "25130050235005000061521550505150355350505330505155"
                    + "75055000153355505500305050051305250310550530051250"
                    + "03320501155305325501305501550351005213405100153552"
                    + "51000515050313355051305035515150115335331555553311"),
            Arguments.of("single", 3,
                    "00102202000220222211001002020102000002020002020100"
                    + "00200222100000020022020202201020002012002002201002"
                    + "20002021100020000021020021002001220010120122100000"
                    + "01222010202010000201020200010102110000001000000011"),
            Arguments.of("single", 5,
                    "00132202030220222241001002020102300302020332020100"
                    + "00200222103300020022320202201320002312002032201002"
                    + "23302021100320300021320021002301220013120122103000"
                    + "01222010202313300201320230010102110330331000003311"),
            Arguments.of("single", 8,
                    "66210060616006000042662660606260166160606110606266"
                    + "56066000261166606600106060062106660120660610062660"
                    + "01160602266106166602176602660162006621306200261666"
                    + "62000626060121166062106016626260226116112666661122"));
    }

    @ParameterizedTest(name = "{0} linkage, {1} clusters")
    @MethodSource("sklearnPartitions")
    void partitionIsScikitLearns(String linkage, int k, String sklearnLabels) {
        AgglomerativeModel model = new AgglomerativeClustering(k, linkage).fit(BLOBS);
        assertSamePartition(model.labels(), digits(sklearnLabels));
        assertThat(model.numClusters()).isEqualTo(k);
        assertThat(IntStream.of(model.labels()).distinct().count()).isEqualTo(k);
    }

    /** The six highest merges and the sum of all 199 from scipy 1.10.1 (ward(x), linkage(x, method)). */
    static Stream<Arguments> scipyHeights() {
        return Stream.of(
            Arguments.of("ward", new double[] {105.1224472897464, 68.57780088739939, 64.39108409880319,
                13.744908246440144, 12.389777596214197, 11.75459032835164}, 816.5301646214883),
            Arguments.of("complete", new double[] {18.634930820796015, 15.736060943292392, 14.48672329772132,
                7.560595491936719, 6.792990672826746, 6.331269421539915}, 551.8238413819663),
            Arguments.of("average", new double[] {12.709632530239464, 11.79851805590407, 10.68365592838905,
                4.509168521158937, 4.332230346166491, 4.273486477369114}, 449.67976845425477),
            Arguments.of("single", new double[] {6.782370327584385, 6.259163030259689, 5.571102980269608,
                2.9018883260932866, 2.5208508231023563, 2.420810611591542}, 329.1314213167209));
    }

    /** Ward heights are √(2Δ) in scipy's convention; the matrix linkages hold distances as floats, hence 1e-5. */
    @ParameterizedTest(name = "{0} linkage")
    @MethodSource("scipyHeights")
    void mergeHeightsAreScipys(String linkage, double[] topHeights, double sum) {
        Dendrogram tree = new AgglomerativeClustering(2, linkage).fit(BLOBS).dendrogram();
        double[] heights = tree.heights();
        assertThat(heights).hasSize(199);
        double tolerance = linkage.equals("ward") ? 1e-6 : 1e-5;
        for (int i = 0; i < topHeights.length; i++) {
            assertThat(heights[198 - i]).as("merge %d from the top", i).isCloseTo(topHeights[i],
                    within(tolerance * topHeights[i]));
        }
        assertThat(Arrays.stream(heights).sum()).isCloseTo(sum, within(tolerance * sum));
        assertThat(tree.sizes()[198]).isEqualTo(200);
    }

    @Test
    void statisticsBracketTheCut() {
        AgglomerativeModel model = AgglomerativeClustering.of(3).fit(BLOBS);
        // The 197th and 198th of 199 ward heights (ascending): the cut at 3 clusters lies between them.
        assertThat(model.statistics().get("last_merge_height")).isCloseTo(64.39108409880319, within(1e-6));
        assertThat(model.statistics().get("next_merge_height")).isCloseTo(68.57780088739939, within(1e-6));
        assertThat(model.canPredict()).isFalse();
        assertThat(model.centers()).isEmpty();
    }

    @Test
    void cuttingAtTheExtremesGivesOneClusterOrSingletons() {
        Dendrogram tree = AgglomerativeClustering.of(1).fit(BLOBS).dendrogram();
        assertThat(tree.cut(1)).containsOnly(0);
        assertThat(tree.cut(200)).containsExactly(IntStream.range(0, 200).toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"complete", "average"})
    void refusesADistanceMatrixThatWouldNotFit(String linkage) {
        // 200 points need 19,900 floats + 200 row headers = 82,800 bytes; 64 KiB holds the matrix of 177 points.
        assertRefusedInOneLine(() -> new AgglomerativeClustering(3, linkage).fit(BLOBS, 64 << 10),
                linkage + " linkage of 200 points needs 0.1 MiB of heap for its pairwise distances (n(n-1)/2 floats) "
                        + "but 0.1 MiB is available; use linkage ward or single (O(n·d) memory), or subsample to at "
                        + "most 177 points");
        assertThat(new AgglomerativeClustering(3, linkage).fit(BLOBS, 82_800).numClusters()).isEqualTo(3);
    }

    @Test
    void wardAndSingleNeedNoDistanceMatrix() {
        assertThat(AgglomerativeClustering.of(3).fit(BLOBS, 0).numClusters()).isEqualTo(3);
        assertThat(new AgglomerativeClustering(3, "single").fit(BLOBS, 0).numClusters()).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheParameter() {
        assertRefusedInOneLine(() -> new AgglomerativeClustering(3, "centroid"),
                "linkage = \"centroid\" is not one of ward, complete, average, single");
        assertRefusedInOneLine(() -> AgglomerativeClustering.of(0), "n_clusters = 0 must be ≥ 1");
        assertRefusedInOneLine(() -> AgglomerativeClustering.of(201).fit(BLOBS),
                "n_clusters = 201 is outside 1..200 (the number of points)");
        INDArray withNaN = BLOBS.dup();
        withNaN.putScalar(7, 2, Float.NaN);
        assertRefusedInOneLine(() -> AgglomerativeClustering.of(3).fit(withNaN),
                "features contain NaN at row 7, column 2; clean or impute non-finite values first");
    }

    /**
     * Real images: the first 2,000 MNIST test digits as pixels / 255. The ARI of each linkage's 10 clusters against
     * the digits, from the reference script, matches only if the partition is (all but) the same.
     */
    @Test
    void mnistPartitionsScoreAsScikitLearns() {
        ClusterFixtures.Points mnist = ClusterFixtures.mnistTestHead(2000);
        assertThat(ari(mnist, "ward")).isCloseTo(0.4030010415492569, within(1e-12));
        assertThat(ari(mnist, "complete")).isCloseTo(0.13276266734948197, within(1e-12));
        assertThat(ari(mnist, "average")).isCloseTo(0.015222751323633495, within(1e-12));
        assertThat(ari(mnist, "single")).isCloseTo(0.00014044550422164564, within(1e-12));
    }

    private static double ari(ClusterFixtures.Points mnist, String linkage) {
        return RandIndex.ari(mnist.truth(), new AgglomerativeClustering(10, linkage).fit(mnist.x()).labels());
    }
}
