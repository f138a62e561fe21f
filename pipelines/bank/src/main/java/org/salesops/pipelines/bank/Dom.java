package org.salesops.pipelines.bank;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Navigation by local name over a DOM tree. Every camt version has its own default namespace, so
 * elements are matched by local name only and the same code reads v02 to v10.
 */
final class Dom {

    private Dom() {
    }

    /** The child elements of {@code parent} named {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first element reached by following {@code path} from {@code start}, or null. */
    static Element child(Element start, String... path) {
        Element current = start;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            List<Element> next = children(current, name);
            current = next.isEmpty() ? null : next.get(0);
        }
        return current;
    }

    /** The trimmed text at {@code path}, or null when the element is absent or blank. */
    static String text(Element start, String... path) {
        return textOf(child(start, path));
    }

    static String textOf(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    /** The first child element of {@code parent}, whatever its name, or null. */
    static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    static boolean hasElementChildren(Element element) {
        return firstElement(element) != null;
    }
}
