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
  { name: 'Body', create: (machine) => new Body(machine as Machine) },
  { name: 'BulletList', create: (machine) => new BulletList(machine as Machine) },
  { name: 'DefinitionList', create: (machine) => new DefinitionList(machine as Machine) },
  { name: 'EnumeratedList', create: (machine) => new EnumeratedList(machine as Machine) },
  { name: 'FieldList', create: (machine) => new FieldList(machine as Machine) },
  { name: 'OptionList', create: (machine) => new OptionList(machine as Machine) },
  { name: 'LineBlock', create: (machine) => new LineBlock(machine as Machine) },
  { name: 'ExtensionOptions', create: (machine) => new ExtensionOptions(machine as Machine) },
  { name: 'Explicit', create: (machine) => new Explicit(machine as Machine) },
  { name: 'Text', create: (machine) => new Text(machine as Machine) },
  { name: 'Definition', create: (machine) => new Definition(machine as Machine) },
  { name: 'Line', create: (machine) => new Line(machine as Machine) },
  { name: 'SubstitutionDef', create: (machine) => new SubstitutionDef(machine as Machine) },
  { name: 'RFC2822Body', create: (machine) => new RFC2822Body(machine as Machine) },
  { name: 'RFC2822List', create: (machine) => new RFC2822List(machine as Machine) },
];

standardStates.factories = STATE_FACTORIES;
