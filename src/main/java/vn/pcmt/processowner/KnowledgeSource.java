package vn.pcmt.processowner;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import vn.pcmt.agency.Agency;
import vn.pcmt.agency.AgencyDirectory;
import vn.pcmt.agency.AgencyGroups;
import vn.pcmt.engine.JsonVar;
import vn.pcmt.engine.Var;

/**
 * Gathers what the application offers the diagrams right now ({@link Knowledge}): its beans, the variables of the
 * process classes, the directory's groups, the forms, the processes that exist.
 */
@Component
class KnowledgeSource {

  static final String ROOT_PACKAGE = "vn.pcmt";
  private static final Pattern PROCESS_ID = Pattern.compile("<(?:\\w+:)?process\\b[^>]*?\\bid=\"([^\"]+)\"");

  private final ApplicationContext context;
  private final AgencyDirectory directory;
  private final RepositoryService repository;
  private final ModelFolders folders;
  private volatile Set<String> hooks;
  private volatile Set<String> variables;

  KnowledgeSource(ApplicationContext context, AgencyDirectory directory, RepositoryService repository,
      ModelFolders folders) {
    this.context = context;
    this.directory = directory;
    this.repository = repository;
    this.folders = folders;
  }

  Knowledge current() {
    Set<String> groups = new HashSet<>();
    for (Agency agency : directory.all()) {
      groups.add(agency.getCode());
      groups.add(AgencyGroups.headGroupOf(agency.getCode()));
    }
    Set<String> processKeys = new HashSet<>();
    repository.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey)
        .forEach(processKeys::add);
    for (byte[] diagram : folders.diagrams().values()) {
      Matcher id = PROCESS_ID.matcher(new String(diagram, StandardCharsets.UTF_8));
      while (id.find()) {
        processKeys.add(id.group(1));
      }
    }
    return new Knowledge(hooks(), variables(), groups, folders.forms().keySet(), processKeys,
        this::classExists);
  }

  /**
   * The application's own beans (declared in package vn.pcmt, as a component or by a {@code @Bean} method) that a
   * diagram may call: delegates, listeners, services such as {@code deadlines}. Spring's and Camunda's
   * infrastructure, and the application's repositories, controllers and configuration classes, are not for diagrams.
   */
  Set<String> hooks() {
    if (hooks == null) {
      Set<String> names = new TreeSet<>();
      for (String name : context.getBeanDefinitionNames()) {
        Class<?> type = context.getType(name, false);
        if (type == null) {
          continue;
        }
        Class<?> user = ClassUtils.getUserClass(type);
        boolean internal = Repository.class.isAssignableFrom(user)
            || AnnotatedElementUtils.hasAnnotation(user, org.springframework.stereotype.Repository.class)
            || AnnotatedElementUtils.hasAnnotation(user, Controller.class)
            || AnnotatedElementUtils.hasAnnotation(user, Configuration.class);
        String origin = declaredIn(name, user);
        if (origin.startsWith(ROOT_PACKAGE + ".") && !internal) {
          names.add(name);
        }
      }
      hooks = Collections.unmodifiableSet(names);
    }
    return hooks;
  }

  /** The class that declares a bean: its own class, or the configuration class of its {@code @Bean} method. */
  private String declaredIn(String name, Class<?> type) {
    if (context instanceof ConfigurableApplicationContext configurable
        && configurable.getBeanFactory().containsBeanDefinition(name)) {
      BeanDefinition definition = configurable.getBeanFactory().getBeanDefinition(name);
      if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
        return annotated.getFactoryMethodMetadata().getDeclaringClassName();
      }
    }
    return type.getName();
  }

  /** Every variable the process classes ({@code vn.pcmt..*Process}) declare as a {@code Var} or {@code JsonVar}. */
  Set<String> variables() {
    if (variables == null) {
      ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
        @Override
        protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
          return definition.getMetadata().isIndependent();
        }
      };
      scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Process")));
      Set<String> names = new TreeSet<>();
      for (BeanDefinition candidate : scanner.findCandidateComponents(ROOT_PACKAGE)) {
        try {
          for (Field field : Class.forName(candidate.getBeanClassName()).getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
              Object value = field.get(null);
              if (value instanceof Var<?> variable) {
                names.add(variable.name());
              } else if (value instanceof JsonVar<?> variable) {
                names.add(variable.name());
              }
            }
          }
        } catch (ReflectiveOperationException | LinkageError e) {
          throw new IllegalStateException("Cannot read the variables of " + candidate.getBeanClassName(), e);
        }
      }
      variables = Collections.unmodifiableSet(names);
    }
    return variables;
  }

  private boolean classExists(String name) {
    return ClassUtils.isPresent(name, context.getClassLoader());
  }
}
