package org.imgcluster.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DistancesTest {
    @Test
    void squaredDistancesMatchHandComputedValues() {
        INDArray x = Distances.matrix(new float[] {0, 0, 3, 4, 1, 1}, 3, 2);
        INDArray y = Distances.matrix(new float[] {0, 0, 6, 8}, 2, 2);
        INDArray d = Distances.squared(x, y);
        assertThat(d.shape()).containsExactly(3, 2);
        // (0,0)-(0,0)=0, (0,0)-(6,8)=100, (3,4)-(0,0)=25, (3,4)-(6,8)=25, (1,1)-(0,0)=2, (1,1)-(6,8)=25+49=74
        float[] expected = {0, 100, 25, 25, 2, 74};
        float[] actual = d.reshape(6).toFloatVector();
        for (int i = 0; i < 6; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    void blockRowsRespectsBudget() {
        assertThat(Distances.blockRows(1000, 4_000_000)).isEqualTo(1000);
        assertThat(Distances.blockRows(60_000, 1L << 20)).isEqualTo(4);
        assertThat(Distances.blockRows(1L << 40, 16)).isEqualTo(1);
    }
}
