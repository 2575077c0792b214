/// Moodle XML and QTI 2.1 import and export. Importers take parsed XML (`CoursemapXML.XMLElement`) and
/// give `ExerciseBank`s and items of the model, with diagnostics; exporters give file text.
public enum Interop {}
