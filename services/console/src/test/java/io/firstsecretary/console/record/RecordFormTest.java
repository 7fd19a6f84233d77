package io.firstsecretary.console.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class RecordFormTest {

    static final LocalDate TODAY = LocalDate.of(2026, 8, 3);

    @Test
    void anInspectionWithFindingsNeedsItsRectificationDeadline() {
        var form = form("SUPERVISION_INSPECTION", "2026-08-01", "检查", List.of(), "台账不全\n\n记录缺页", null, null, null);
        var errors = new BeanPropertyBindingResult(form, "form");
        form.validate(TODAY, errors);
        assertThat(errors.getFieldError("rectificationDeadline").getCode()).isEqualTo("validation.required");
    }

    @Test
    void eachTypeSendsItsOwnFields() {
        var inspection = form(
                "SUPERVISION_INSPECTION", "2026-08-01", "检查", List.of("m1"), "台账不全\n 记录缺页 ", "2026-09-30", null, null);
        assertThat(inspection.body("fs1", List.of("att1")))
                .containsEntry("findings", List.of("台账不全", "记录缺页"))
                .containsEntry("rectificationDeadline", "2026-09-30")
                .containsEntry("attachments", List.of("att1"))
                .containsEntry("actor", "fs1");
        var commitment = form("ANNUAL_COMMITMENT", "2026-02-01", "承诺", List.of(), null, null, null, "抓好理论学习\n办好主题党日");
        assertThat(commitment.body("fs1", List.of()))
                .containsEntry(
                        "commitmentItems",
                        List.of(Map.of("code", "c1", "text", "抓好理论学习"), Map.of("code", "c2", "text", "办好主题党日")))
                .doesNotContainKey("attachments");
        var experience = form("EXPERIENCE_SUMMARY", "2026-08-01", "经验", List.of(), null, null, "MUNICIPAL", null);
        assertThat(experience.body("fs1", List.of())).containsEntry("promotionLevel", "MUNICIPAL");
    }

    @Test
    void anApiFieldLandsOnTheFormFieldThatHoldsIt() {
        assertThat(RecordForm.fieldOf("participants[3]")).isEqualTo("participants");
        assertThat(RecordForm.fieldOf("attendees[0]")).isEqualTo("participants");
        assertThat(RecordForm.fieldOf("commitmentItems[1].text")).isEqualTo("commitments");
        assertThat(RecordForm.fieldOf("findings[0]")).isEqualTo("findings");
        assertThat(RecordForm.fieldOf("actor")).isNull();
        assertThat(RecordForm.fieldOf("attachments[0]")).isNull();
    }

    private static RecordForm form(
            String type,
            String on,
            String title,
            List<String> participants,
            String findings,
            String deadline,
            String level,
            String commitments) {
        return new RecordForm(
                "o1", type, "b1", on, title, participants, null, findings, deadline, level, commitments, "key");
    }
}
