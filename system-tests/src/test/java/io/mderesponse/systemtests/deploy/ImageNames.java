package io.mderesponse.systemtests.deploy;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The image names the root pom's {@code images} profile builds: {@code <image.prefix>/<module>:<version>}, read
 * from the pom itself, so docker-compose.yml and deploy/k8s are checked against what Maven really tags.
 */
final class ImageNames {

    private ImageNames() {
    }

    static String of(Path root, String module) {
        Document pom = parse(root.resolve("pom.xml"));
        Element project = pom.getDocumentElement();
        String prefix = text(child(project, "properties"), "image.prefix");
        String tag = text(child(project, "properties"), "image.tag");
        if (tag.equals("${project.version}")) {
            tag = text(project, "version");
        }
        return prefix + "/" + module + ":" + tag;
    }

    /** The arguments of the images profile's docker build, joined by spaces. */
    static String dockerBuildArguments(Path root) {
        Document pom = parse(root.resolve("pom.xml"));
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("images".equals(text(profile, "id"))) {
                NodeList arguments = profile.getElementsByTagName("argument");
                StringBuilder joined = new StringBuilder();
                for (int a = 0; a < arguments.getLength(); a++) {
                    joined.append(a == 0 ? "" : " ").append(arguments.item(a).getTextContent().trim());
                }
                return joined.toString();
            }
        }
        throw new AssertionError("the root pom has no profile \"images\"");
    }

    private static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError(parent.getTagName() + " has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }
}
