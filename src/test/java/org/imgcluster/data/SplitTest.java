package org.imgcluster.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void parsesAndPrintsLowerCaseNames() {
        assertThat(Split.parse("train")).isEqualTo(Split.TRAIN);
        assertThat(Split.parse(" TEST ")).isEqualTo(Split.TEST);
        assertThat(Split.TRAIN.lowerName()).isEqualTo("train");
        assertThat(Split.TEST).hasToString("test");
    }

    @Test
    void rejectsAnythingElseNamingTheChoices() {
        assertThatThrownBy(() -> Split.parse("validation"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("unknown split 'validation': expected train or test");
    }
}
