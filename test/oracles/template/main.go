// The template oracle: Flux's commit-message rendering (image-automation-controller's
// internal/source templateMsg) over data shaped as Flux's TemplateData, one JSON request a line.
//
// Request: {"template": "...", "data": {"automation": {"namespace", "name"}, "files": [{"file",
// "objects": [{"apiVersion", "kind", "namespace", "name", "changes": [{"old", "new", "setter"}]}]}],
// "values": {...}}}. Answer: {"parseError"?, "execError"?, "output"}.
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// NamespacedName is k8s.io/apimachinery's types.NamespacedName: it prints "namespace/name".
type NamespacedName struct {
	Namespace string
	Name      string
}

func (n NamespacedName) String() string { return n.Namespace + "/" + n.Name }

// TypeMeta, NameMeta and ResourceIdentifier are kyaml's (sigs.k8s.io/kustomize/kyaml/yaml):
// their field order is the order Go's fmtsort ranges ObjectIdentifier keys in, and how they print.
type TypeMeta struct {
	APIVersion string
	Kind       string
}

type NameMeta struct {
	Name      string
	Namespace string
}

type ResourceIdentifier struct {
	TypeMeta
	NameMeta
}

func (r *ResourceIdentifier) GetName() string       { return r.Name }
func (r *ResourceIdentifier) GetNamespace() string  { return r.Namespace }
func (r *ResourceIdentifier) GetAPIVersion() string { return r.APIVersion }
func (r *ResourceIdentifier) GetKind() string       { return r.Kind }

// ObjectIdentifier, Change, ObjectChanges and Result are Flux's internal/update types.
type ObjectIdentifier struct {
	ResourceIdentifier
}

type Change struct {
	OldValue string
	NewValue string
	Setter   string
}

type ObjectChanges map[ObjectIdentifier][]Change

type Result struct {
	FileChanges map[string]ObjectChanges
}

// Changes is Flux's, de-duplicating across files, but in sorted file and object order where
// Flux's follows Go's random map order (no template can rely on that order).
func (r Result) Changes() []Change {
	seen := make(map[Change]struct{})
	var result []Change
	for _, file := range sortedFiles(r.FileChanges) {
		objChanges := r.FileChanges[file]
		for _, obj := range sortedObjects(objChanges) {
			for _, change := range objChanges[obj] {
				if _, ok := seen[change]; !ok {
					seen[change] = struct{}{}
					result = append(result, change)
				}
			}
		}
	}
	return result
}

// Objects is Flux's (an object in two files keeps the changes of one of them).
func (r Result) Objects() ObjectChanges {
	result := make(ObjectChanges)
	for _, file := range sortedFiles(r.FileChanges) {
		for obj, change := range r.FileChanges[file] {
			result[obj] = change
		}
	}
	return result
}

func sortedFiles(m map[string]ObjectChanges) []string {
	files := make([]string, 0, len(m))
	for f := range m {
		files = append(files, f)
	}
	sort.Strings(files)
	return files
}

// sortedObjects orders as fmtsort does (field by field, in declaration order).
func sortedObjects(m ObjectChanges) []ObjectIdentifier {
	objs := make([]ObjectIdentifier, 0, len(m))
	for o := range m {
		objs = append(objs, o)
	}
	key := func(o ObjectIdentifier) []string { return []string{o.APIVersion, o.Kind, o.Name, o.Namespace} }
	sort.Slice(objs, func(i, j int) bool {
		a, b := key(objs[i]), key(objs[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return objs
}

// TemplateData is Flux's internal/source TemplateData.
type TemplateData struct {
	AutomationObject NamespacedName
	Changed          Result
	Values           map[string]string
}

type request struct {
	Template string `json:"template"`
	Data     struct {
		Automation struct {
			Namespace string `json:"namespace"`
			Name      string `json:"name"`
		} `json:"automation"`
		Files []struct {
			File    string `json:"file"`
			Objects []struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
				Namespace  string `json:"namespace"`
				Name       string `json:"name"`
				Changes    []struct {
					Old    string `json:"old"`
					New    string `json:"new"`
					Setter string `json:"setter"`
				} `json:"changes"`
			} `json:"objects"`
		} `json:"files"`
		Values map[string]string `json:"values"`
	} `json:"data"`
}

type answer struct {
	ParseError string `json:"parseError,omitempty"`
	ExecError  string `json:"execError,omitempty"`
	Output     string `json:"output"`
}

func render(req request) answer {
	result := Result{}
	for _, f := range req.Data.Files {
		for _, o := range f.Objects {
			id := ObjectIdentifier{ResourceIdentifier{TypeMeta{o.APIVersion, o.Kind}, NameMeta{o.Name, o.Namespace}}}
			if result.FileChanges == nil {
				result.FileChanges = map[string]ObjectChanges{}
			}
			if result.FileChanges[f.File] == nil {
				result.FileChanges[f.File] = ObjectChanges{}
			}
			for _, c := range o.Changes {
				result.FileChanges[f.File][id] = append(result.FileChanges[f.File][id], Change{c.Old, c.New, c.Setter})
			}
		}
	}
	data := TemplateData{
		AutomationObject: NamespacedName{req.Data.Automation.Namespace, req.Data.Automation.Name},
		Changed:          result,
		Values:           req.Data.Values,
	}
	t, err := template.New("commit message").Funcs(sprig.HermeticTxtFuncMap()).Parse(req.Template)
	if err != nil {
		return answer{ParseError: err.Error()}
	}
	b := &strings.Builder{}
	if err := t.Execute(b, data); err != nil {
		return answer{ExecError: err.Error(), Output: b.String()}
	}
	return answer{Output: b.String()}
}

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for {
		line, err := in.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			var req request
			if jerr := json.Unmarshal([]byte(line), &req); jerr != nil {
				enc.Encode(answer{ParseError: "bad request: " + jerr.Error()})
			} else {
				enc.Encode(render(req))
			}
		}
		if err != nil {
			return
		}
	}
}
