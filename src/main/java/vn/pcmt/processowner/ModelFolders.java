package vn.pcmt.processowner;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The process owners' folders, processes/ and forms/: on the class path by default (the build copies them there), or
 * wherever {@code pcmt.process-owner.processes} and {@code .forms} point. Read afresh on every call.
 */
@Component
class ModelFolders {

  private final ProcessOwnerProperties properties;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final ObjectMapper json = new ObjectMapper();

  ModelFolders(ProcessOwnerProperties properties) {
    this.properties = properties;
  }

  /** Every diagram: file name to content, by file name. */
  Map<String, byte[]> diagrams() {
    Map<String, byte[]> diagrams = new LinkedHashMap<>();
    for (Resource resource : resources(properties.processes())) {
      diagrams.put(resource.getFilename(), read(resource));
    }
    return diagrams;
  }

  /**
   * Every form by its id (the JSON {@code id}, which {@code camunda:formRef} names). A form without an id is kept under
   * its file name, so that validation reports it.
   */
  Map<String, Form> forms() {
    Map<String, Form> forms = new TreeMap<>();
    for (Resource resource : resources(properties.forms())) {
      byte[] content = read(resource);
      String id;
      try {
        JsonNode node = json.readTree(content);
        id = node != null && node.hasNonNull("id") && !node.get("id").asText().isBlank()
            ? node.get("id").asText().strip() : resource.getFilename();
      } catch (IOException e) {
        id = resource.getFilename();
      }
      forms.putIfAbsent(id, new Form(resource.getFilename(), content));
    }
    return forms;
  }

  /** A form file: its file name and content. */
  record Form(String fileName, byte[] content) {
  }

  private Resource[] resources(String pattern) {
    try {
      Resource[] resources = resolver.getResources(pattern);
      Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      return resources;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list " + pattern, e);
    }
  }

  private static byte[] read(Resource resource) {
    try {
      return resource.getContentAsByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
