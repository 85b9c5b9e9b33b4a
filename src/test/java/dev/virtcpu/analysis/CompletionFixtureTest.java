package dev.virtcpu.analysis;

import dev.virtcpu.xml.XmlDocument;
import dev.virtcpu.xml.XmlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * completion/NAME.xml has a cursor {@code |}; NAME.expected lists the first proposals as
 * "label — detail", in the order an editor shows them (by sort text). An empty expected file means
 * no proposals at all.
 */
class CompletionFixtureTest {
    static Stream<String> fixtures() {
        return Fixtures.names("completion");
    }

    static List<Completion> complete(String name) {
        Fixtures.Input in = Fixtures.Input.of(Fixtures.read("completion", name + ".xml"));
        XmlDocument doc = XmlParser.parse(in.text());
        return Assist.complete(doc, in.cursor(), Fixtures.context(name, doc)).stream()
                .sorted(Comparator.comparing(Completion::sortText)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void firstProposalsAreTheExpectedOnes(String name) {
        List<String> expected = Fixtures.expectedLines("completion", name + ".expected");
        List<String> actual = complete(name).stream().limit(expected.isEmpty() ? Integer.MAX_VALUE : expected.size())
                .map(c -> c.label() + " — " + c.detail()).collect(Collectors.toList());
        assertEquals(String.join("\n", expected), String.join("\n", actual), "proposals of completion/" + name + ".xml");
    }
}
