package vn.pcmt.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings that properties cannot express. */
@Configuration
class EngineConfig {

  /**
   * The engine wraps what a task listener throws into a generic exception, which Camunda's REST API answers with
   * 500 and a technical message. This interceptor, around every command, rethrows a wrapped
   * {@link InvalidFormDataException} as itself, so Tasklist and REST clients get 400 and the official's message.
   * The transaction is already rolled back when it runs.
   */
  @Bean
  AbstractProcessEnginePlugin invalidFormDataUnwrapping() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
            prepend(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
            prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
      }
    };
  }

  private static List<CommandInterceptor> prepend(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new UnwrapInvalidFormData());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static final class UnwrapInvalidFormData extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
          if (cause instanceof InvalidFormDataException invalid) {
            throw invalid;
          }
        }
        throw e;
      }
    }
  }
}
