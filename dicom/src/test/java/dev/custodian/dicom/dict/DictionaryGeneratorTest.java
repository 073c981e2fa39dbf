package dev.custodian.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed generated sources are exactly what dicom/tools/gen-dictionary.py produces from
 * the committed data. Needs python3 (CI has it); fails, not skips, without it.
 */
class DictionaryGeneratorTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path GENERATOR = MODULE.resolve("tools/gen-dictionary.py");
    private static final List<String> OUTPUTS = List.of(
            "src/main/java/dev/custodian/dicom/dict/Tag.java",
            "src/main/java/dev/custodian/dicom/dict/Uid.java",
            "src/main/resources/dev/custodian/dicom/dict/elements.tsv",
            "src/main/resources/dev/custodian/dicom/dict/uids.tsv");

    @Test
    void committedSourcesAreReproducible(@TempDir Path out) throws Exception {
        String log = run(out, GENERATOR.toString(), "--out", out.toString());
        assertThat(log).contains(ElementDictionary.standard().size() + " elements, "
                + UidDictionary.standard().size() + " UIDs");
        for (String file : OUTPUTS) {
            String regenerated = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            String committed = Files.readString(MODULE.resolve(file), StandardCharsets.UTF_8);
            assertThat(regenerated).as("%s differs from the generator output: re-run "
                    + "python3 dicom/tools/gen-dictionary.py", file).isEqualTo(committed);
        }
    }

    @Test
    void identifierRulesHoldInTheGenerator(@TempDir Path dir) throws Exception {
        assertThat(run(dir, GENERATOR.toString(), "--self-test")).contains("self-test passed");
    }

    @Test
    void generatedFilesSayHowTheyWereMade() throws IOException {
        for (String file : OUTPUTS) {
            assertThat(String.join("\n", Files.readAllLines(MODULE.resolve(file)).subList(0, 2)))
                    .as(file).contains("GENERATED").contains("gen-dictionary.py");
        }
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        assertThat(GENERATOR).exists();
        Path log = dir.resolve("generator.log");
        String[] command = new String[args.length + 1];
        command[0] = "python3";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("generator finished within 120 s").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as("generator exit status; output:%n%s", output).isZero();
        return output;
    }
}
