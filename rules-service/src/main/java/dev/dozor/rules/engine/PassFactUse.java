package dev.dozor.rules.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Which state facts a catalogue's rules need before a {@link SegmentPassFact} can matter to them,
 * read from the compiled rules. A rule that joins passes and also a state fact of a vehicle (a
 * {@link VehicleState}, such as TIM-001's and TIM-002's {@code SegmentDeadlines}) cannot match
 * while the partition holds no such fact, so the passes need not be facts then: a pass that grows
 * on every fix of a working vehicle was inserted and updated in the engine for nothing on a day
 * without weather events (about a twentieth of the catalogue's time in the bench). A rule that
 * joins passes with no state fact needs them always.
 *
 * @param always whether some rule joins passes with no state fact of a vehicle
 * @param gates the state-fact classes of the rules that join passes (empty: no rule does)
 */
record PassFactUse(boolean always, Set<Class<?>> gates) {
  /** No rule joins passes. */
  static final PassFactUse NONE = new PassFactUse(false, Set.of());

  static PassFactUse of(KieBase kieBase) {
    boolean always = false;
    Set<Class<?>> gates = new HashSet<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (!(rule instanceof RuleImpl r)) {
          always = true; // not a rule whose conditions can be read: assume it needs passes
          continue;
        }
        if (!mentionsPasses(r.getLhs())) {
          continue;
        }
        Set<Class<?>> required = requiredStates(r.getLhs());
        if (required.isEmpty()) {
          always = true;
        }
        gates.addAll(required);
      }
    }
    return new PassFactUse(always, Set.copyOf(gates));
  }

  /** Whether passes must be facts while the partition holds none of the gate classes. */
  boolean needed() {
    return always;
  }

  /** Whether a fact of this class makes the passes needed as facts. */
  boolean opens(Class<?> stateClass) {
    for (Class<?> gate : gates) {
      if (gate.isAssignableFrom(stateClass)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any pattern of the element, however nested (not, exists, or, from), can match a pass.
   */
  private static boolean mentionsPasses(RuleConditionElement element) {
    if (element instanceof Pattern p
        && (!(p.getObjectType() instanceof ClassObjectType type)
            || type.getClassType().isAssignableFrom(SegmentPassFact.class))) {
      return true;
    }
    for (RuleConditionElement nested : element.getNestedElements()) {
      if (mentionsPasses(nested)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state-fact classes of the rule's positive patterns at its top level (an "and" of them): the
   * rule cannot match while the partition holds no fact of any one of them.
   */
  private static Set<Class<?>> requiredStates(GroupElement lhs) {
    Set<Class<?>> states = new HashSet<>();
    List<RuleConditionElement> top = lhs.isAnd() ? lhs.getChildren() : List.of(lhs);
    for (RuleConditionElement element : top) {
      if (element instanceof Pattern p
          && p.getSource() == null
          && p.getObjectType() instanceof ClassObjectType type
          && VehicleState.class.isAssignableFrom(type.getClassType())) {
        states.add(type.getClassType());
      }
    }
    return states;
  }
}
