/**
 * The standard set of parser states (docutils.parsers.rst.states.state_classes).
 */
import { Body } from './body.js';
import {
  BulletList,
  DefinitionList,
  EnumeratedList,
  Explicit,
  ExtensionOptions,
  FieldList,
  LineBlock,
  OptionList,
  RFC2822Body,
  RFC2822List,
  SubstitutionDef,
} from './specialized-body.js';
import { Definition, Line, Text } from './text.js';
import { type Context, type RSTMachineBase, standardStates } from './rst-state.js';
import type { StateFactory } from './state-machine.js';

type Machine = RSTMachineBase;

export const STATE_FACTORIES: readonly StateFactory<Context>[] = [
  (machine) => new Body(machine as Machine),
  (machine) => new BulletList(machine as Machine),
  (machine) => new DefinitionList(machine as Machine),
  (machine) => new EnumeratedList(machine as Machine),
  (machine) => new FieldList(machine as Machine),
  (machine) => new OptionList(machine as Machine),
  (machine) => new LineBlock(machine as Machine),
  (machine) => new ExtensionOptions(machine as Machine),
  (machine) => new Explicit(machine as Machine),
  (machine) => new Text(machine as Machine),
  (machine) => new Definition(machine as Machine),
  (machine) => new Line(machine as Machine),
  (machine) => new SubstitutionDef(machine as Machine),
  (machine) => new RFC2822Body(machine as Machine),
  (machine) => new RFC2822List(machine as Machine),
];

standardStates.factories = STATE_FACTORIES;
